using System.Diagnostics;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Loading.Mongo;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Sample;
using MesAides.Analytics.Tests.TestSupport;
using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace MesAides.Analytics.Tests.Loading.Mongo;

/// <summary>
/// The pushdown's pipelines run by mingo (MongoDB's query language in JavaScript, from npm) over the sample
/// and over mutated documents, merged, and compared with the client path: the plain test must stay exact
/// when the mapper changes. Opt-in: <c>MESAIDES_MINGO_DIR</c> names a directory where
/// <c>npm install mingo@7 bson@6</c> was run (mingo is not MongoDB: the integration tests remain the reference).
/// </summary>
public class MingoPushdownTests
{
    private const string Variable = "MESAIDES_MINGO_DIR";

    [SkippableTheory]
    [InlineData(7, false)]
    [InlineData(7, true)]
    [InlineData(8, true)]
    [InlineData(9, true)]
    public void Pushdown_evaluated_by_mingo_equals_the_client_path(int seed, bool mutate)
    {
        var modules = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrWhiteSpace(modules), $"{Variable} is not set: pipelines not evaluated (npm install --prefix DIR mingo@7 bson@6, then {Variable}=DIR)");
        var documents = new SampleGenerator(new SampleOptions(2000, seed), Geography.Default).Documents()
            .GroupBy(d => d["_id"]).Select(g => g.First()).OrderBy(d => d["_id"]).ToList();
        if (mutate)
        {
            documents = DocumentMutations.Apply(documents, seed);
        }

        var directory = Paths.TempDirectory();
        var colliders = Colliders(documents);
        var groups = RunMingo(modules!, directory, documents, colliders);

        var doubtfulIds = groups["doubtful"].AsBsonArray.ToHashSet();
        var batch = new RawBatch(DocumentEncoding.Bson);
        long ordinal = 0;
        foreach (var document in documents)
        {
            ordinal++;
            if (doubtfulIds.Contains(document["_id"]))
            {
                batch.Add(document.ToBson(), ordinal, new DocumentLocation("mingo", LocationKind.Document, ordinal));
            }
        }

        List<BsonDocument> Groups(string name) => [.. groups[name].AsBsonArray.Select(g => g.AsBsonDocument)];
        var server = new ServerGroups(Groups("rules"), Groups("daily"), Groups("housing"), Groups("geography"), colliders.Count);
        var pushdown = MongoPushdown.Merge("mingo", server, DocumentPipeline.MapBatch(batch), Cleaner.Default, Enricher.Default);
        var dump = Path.Combine(directory, "situations.bson");
        SampleGenerator.Write(documents, dump, SampleFormat.Bson);
        var client = SituationCounts.Compute(SituationSource.Open(dump));

        Assert.Equal(client.Cleaning.Steps, pushdown.Cleaning.Steps);
        Assert.Equal(client.Load.MappedByFormat, pushdown.Load.MappedByFormat);
        Assert.Equal(client.Load.RejectedByReason, pushdown.Load.RejectedByReason);
        Assert.Equal(client.Daily, pushdown.Daily);
        Assert.Equal(Rows(client), Rows(pushdown));
        Assert.True(pushdown.Pushdown!.ServerDocuments > pushdown.Pushdown.ClientDocuments, pushdown.Pushdown.ToString());
    }

    private static IEnumerable<string> Rows(SituationCounts counts) =>
        counts.Tables.SelectMany(t => t.Rows.Select(r => t.Name + ": " + string.Join(",", r.Select(MesAides.Analytics.Analyses.Table.Format))));

    /// <summary>As <c>MongoPushdown.CollidingIds</c>: ObjectIds that a string id, or a null id's <c>id</c>, spells.</summary>
    private static List<ObjectId> Colliders(List<BsonDocument> documents)
    {
        var objectIds = documents.Where(d => d["_id"].IsObjectId).Select(d => d["_id"].AsObjectId).ToHashSet();
        static string? Text(BsonDocument d) => d["_id"] switch
        {
            BsonString s => s.Value,
            BsonNull => d.GetValue("id", BsonNull.Value) switch { BsonString i => i.Value, BsonObjectId o => o.Value.ToString(), _ => null },
            _ => null,
        };
        return [.. documents.Select(Text)
            .Where(t => t is { Length: 24 } && ObjectId.TryParse(t, out var id) && id.ToString() == t && objectIds.Contains(id))
            .Select(t => ObjectId.Parse(t!)).Distinct()];
    }

    private static BsonDocument RunMingo(string modules, string directory, List<BsonDocument> documents, List<ObjectId> colliders)
    {
        var canonical = new JsonWriterSettings { OutputMode = JsonOutputMode.CanonicalExtendedJson };
        var options = MongoSourceOptions.Default;
        var cleaning = CleaningOptions.Default;
        var docs = Path.Combine(directory, "docs.jsonl");
        var pipelines = Path.Combine(directory, "pipelines.json");
        var output = Path.Combine(directory, "groups.json");
        File.WriteAllLines(docs, documents.Select(d => d.ToJson(canonical)));
        File.WriteAllText(pipelines, new BsonDocument
        {
            { "rules", new BsonArray(MongoQueries.RulesPipeline(options, cleaning, colliders)) },
            { "daily", new BsonArray(MongoQueries.DailyPipeline(options, cleaning, colliders)) },
            { "housing", new BsonArray(MongoQueries.HousingPipeline(options, cleaning, colliders)) },
            { "geography", new BsonArray(MongoQueries.GeographyPipeline(options, cleaning, colliders)) },
            { "doubtful", MongoQueries.DoubtfulFilter(options, cleaning, colliders) },
        }.ToJson(canonical));

        var script = Path.Combine(Paths.RepoRoot, "tests", "MesAides.Analytics.Tests", "Loading", "Mongo", "Mingo", "pushdown-check.js");
        var start = new ProcessStartInfo("node") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, docs, pipelines, output })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NODE_PATH"] = Path.Combine(modules, "node_modules");
        using var node = Process.Start(start)!;
        var errors = node.StandardError.ReadToEnd();
        Assert.True(node.WaitForExit(TimeSpan.FromMinutes(5)), "node did not finish in 5 minutes");
        Assert.True(node.ExitCode == 0, errors);
        return BsonDocument.Parse(File.ReadAllText(output));
    }
}
