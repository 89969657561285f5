using MesAides.Analytics.Analyses;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Loading.Mongo;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Sample;
using MesAides.Analytics.Tests.TestSupport;
using MongoDB.Bson;
using MongoDB.Driver;

namespace MesAides.Analytics.Tests.Loading.Mongo;

/// <summary>
/// The generated sample in a fresh database <c>mesaides_test_&lt;guid&gt;</c> of the server named by
/// <c>MESAIDES_TEST_MONGODB_URI</c> (the only writes anywhere, dropped at the end): all formats in
/// <c>situations</c>, format C alone in <c>simulations</c>; the same documents in BSON dump files.
/// </summary>
public sealed class MongoSampleDatabase : IDisposable
{
    public const string Variable = "MESAIDES_TEST_MONGODB_URI";

    public MongoSampleDatabase()
    {
        Uri = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(Uri))
        {
            return;
        }

        // A collection keeps one document per _id: the sample's duplicates are dropped, the rest in _id order.
        var documents = new SampleGenerator(new SampleOptions(2000, 7), Geography.Default).Documents()
            .GroupBy(d => d["_id"]).Select(g => g.First())
            .OrderBy(d => d["_id"])
            .ToList();
        var answers = documents.Where(d => d.Contains("answers")).ToList();
        var directory = Paths.TempDirectory();
        SituationsDump = Path.Combine(directory, "situations.bson");
        SimulationsDump = Path.Combine(directory, "simulations.bson");
        SampleGenerator.Write(documents, SituationsDump, SampleFormat.Bson);
        SampleGenerator.Write(answers, SimulationsDump, SampleFormat.Bson);

        Client = new MongoClient(Uri);
        var database = Client.GetDatabase(Database);
        database.GetCollection<BsonDocument>("situations").InsertMany(documents.Select(d => d.DeepClone().AsBsonDocument));
        database.GetCollection<BsonDocument>("simulations").InsertMany(answers.Select(d => d.DeepClone().AsBsonDocument));
    }

    public string? Uri { get; }

    public string Database { get; } = "mesaides_test_" + Guid.NewGuid().ToString("N");

    public string SituationsDump { get; } = string.Empty;

    public string SimulationsDump { get; } = string.Empty;

    private MongoClient? Client { get; }

    public void Dispose()
    {
        if (Client is not null)
        {
            Client.DropDatabase(Database);
            Client.Dispose();
        }
    }
}

/// <summary>Client and pushdown paths against a real server; SKIPPED (with the reason) when none is configured.</summary>
public class MongoIntegrationTests(MongoSampleDatabase sample) : IClassFixture<MongoSampleDatabase>
{
    private const string Reason = $"{MongoSampleDatabase.Variable} is not set: no MongoDB server to test against (see docs/mongodb.md)";

    private MongoSituationSource Open(MongoSourceOptions? options = null)
    {
        Skip.If(sample.Uri is null, Reason);
        return MongoSituationSource.Open(sample.Uri!, (options ?? MongoSourceOptions.Default) with { Database = sample.Database }, new LoadOptions(2));
    }

    private static void AssertSameAudit(LoadAudit expected, LoadAudit actual)
    {
        Assert.Equal((expected.Read, expected.Mapped, expected.Rejected), (actual.Read, actual.Mapped, actual.Rejected));
        Assert.Equal(expected.RejectedByReason, actual.RejectedByReason);
        Assert.Equal(expected.MappedByFormat, actual.MappedByFormat);
        Assert.Equal(expected.Samples.Select(s => (s.Reason, s.Field, s.Message)), actual.Samples.Select(s => (s.Reason, s.Field, s.Message)));
    }

    private static IEnumerable<string> Rows(IEnumerable<Table> tables) =>
        tables.SelectMany(t => t.Rows.Select(r => t.Name + ": " + string.Join(",", r.Select(Table.Format))));

    private static void AssertSameCounts(SituationCounts expected, SituationCounts actual)
    {
        AssertSameAudit(expected.Load, actual.Load);
        Assert.Equal(expected.Cleaning.Steps, actual.Cleaning.Steps);
        Assert.Equal(expected.Daily, actual.Daily);
        Assert.Equal(Rows(expected.Tables), Rows(actual.Tables));
    }

    [SkippableFact]
    public void Client_path_reads_the_same_situations_and_audit_as_the_dump()
    {
        using var source = Open();
        var fromFile = SituationSource.Open(sample.SituationsDump).Load();

        var fromDatabase = source.Load();

        Assert.Equal("situations", source.Collection);
        Assert.Equal(ModelText.Of(fromFile.Situations), ModelText.Of(fromDatabase.Situations));
        AssertSameAudit(fromFile.Audit, fromDatabase.Audit);
        Assert.DoesNotContain("@", source.Name.Replace("***@", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Pushdown_gives_the_tables_and_audits_of_the_client_path()
    {
        using var source = Open(new MongoSourceOptions { Pushdown = true });
        var client = SituationCounts.Compute(SituationSource.Open(sample.SituationsDump));

        var pushdown = source.Counts();

        AssertSameCounts(client, pushdown);
        Assert.NotNull(pushdown.Pushdown);
        Assert.True(pushdown.Pushdown!.ServerDocuments > pushdown.Pushdown.ClientDocuments, pushdown.Pushdown.ToString());
    }

    [SkippableFact]
    public void Pushdown_daily_and_housing_counts_equal_the_client_side_analyses()
    {
        using var source = Open(new MongoSourceOptions { Pushdown = true });
        var clean = Cleaner.Default.Apply(SituationSource.Open(sample.SituationsDump).Load());
        var housing = Housing.Analyse(Enricher.Default.Enrich(clean.Situations));
        var geography = GeographyUsage.Analyse(Enricher.Default.Enrich(clean.Situations));
        var daily = clean.Situations.GroupBy(s => s.Date).OrderBy(g => g.Key).Select(g => new DailyCount(g.Key, g.Count()));

        var pushdown = source.Counts();

        Assert.Equal(daily, pushdown.Daily);
        Assert.Equal(Rows(housing.Tables), Rows(pushdown.Housing.Tables));
        Assert.Equal(Rows(geography.Tables), Rows(pushdown.Geography.Tables));
    }

    [SkippableFact]
    public void Period_and_status_filters_run_in_the_query_on_both_paths()
    {
        var options = new MongoSourceOptions { From = new DateOnly(2019, 1, 1), To = new DateOnly(2020, 6, 30), ExcludeStatuses = ["test", "demo"] };
        using var source = Open(options);
        using var pushdown = Open(options with { Pushdown = true });
        var (start, end) = options.Period;
        var expected = SituationSource.Open(sample.SituationsDump).Load().Situations
            .Where(s => s.DateDeValeur >= start && s.DateDeValeur < end && s.Status is not ("test" or "demo"));

        var read = source.Load();

        Assert.Equal(ModelText.Of(expected), ModelText.Of(read.Situations));
        Assert.Contains("where dateDeValeur 2019-01-01..2020-06-30 (Paris) and status not in test, demo", source.Name, StringComparison.Ordinal);
        AssertSameCounts(source.Counts(), pushdown.Counts());
    }

    [SkippableFact]
    public void Format_C_collection_simulations_reads_like_its_dump()
    {
        using var source = Open(new MongoSourceOptions { Collection = "simulations", Pushdown = true });
        var fromFile = SituationSource.Open(sample.SimulationsDump);

        var read = source.Load();

        Assert.All(read.Situations, s => Assert.Equal(StorageFormat.C, s.Format));
        Assert.Equal(ModelText.Of(fromFile.Load().Situations), ModelText.Of(read.Situations));
        AssertSameCounts(SituationCounts.Compute(fromFile), source.Counts());
    }

    [SkippableFact]
    public void An_unknown_collection_is_named_with_the_database()
    {
        var error = Assert.Throws<MongoSourceException>(() => Open(new MongoSourceOptions { Collection = "situationz" }));

        Assert.Equal(MongoFailure.UnknownCollection, error.Failure);
        Assert.StartsWith($"no collection situationz in database {sample.Database} on ", error.Message, StringComparison.Ordinal);
        Assert.Contains("(collections: simulations, situations)", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_small_batch_size_streams_the_same_documents()
    {
        using var source = Open(new MongoSourceOptions { BatchSize = 7 });

        Assert.Equal(SituationSource.Open(sample.SituationsDump).Load().Audit.Read, source.Load().Audit.Read);
    }
}
