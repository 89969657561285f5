using System.Globalization;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Model;
using MongoDB.Bson;

namespace MesAides.Analytics.Loading.Mongo;

/// <summary>
/// The counts computed where the data is. Plain documents (see <see cref="PlainDocuments"/>) are counted by
/// four aggregations (<c>$match</c>, <c>$project</c>, <c>$group</c>: by format and first rule, by Paris day, by raw
/// housing answers, by raw codes); doubtful ones are read and decided on the client exactly as on the
/// client path, and both are merged. The raw group keys are mapped on the client by the mapper's code.
/// </summary>
internal static class MongoPushdown
{
    /// <summary>More candidates than this are checked in several queries (each a small <c>$in</c>).</summary>
    private const int IdChunk = 1000;

    public static SituationCounts Run(MongoSituationSource source, Cleaner cleaner, Enricher enricher)
    {
        var options = source.MongoOptions;
        var cleaning = cleaner.Options;
        var colliders = CollidingIds(source);
        var groups = new ServerGroups(
            source.Aggregate(MongoQueries.RulesPipeline(options, cleaning, colliders), "counting by rule"),
            source.Aggregate(MongoQueries.DailyPipeline(options, cleaning, colliders), "counting by day"),
            source.Aggregate(MongoQueries.HousingPipeline(options, cleaning, colliders), "counting by housing"),
            source.Aggregate(MongoQueries.GeographyPipeline(options, cleaning, colliders), "counting by commune"),
            colliders.Count);
        var doubtful = DocumentPipeline.Map(source.ReadBatches(MongoQueries.DoubtfulFilter(options, cleaning, colliders)), source.Workers);
        var counts = Merge(source.Name, groups, doubtful, cleaner, enricher);
        source.Log(counts.Pushdown!.ToString());
        return counts;
    }

    /// <summary>
    /// Merges the server's groups with the doubtful documents, read in <c>_id</c> order: the audit's rejection
    /// samples and the duplicate rule then follow the client path. Pure: tested without a server.
    /// </summary>
    internal static SituationCounts Merge(string sourceName, ServerGroups groups, IEnumerable<MapResult> doubtful, Cleaner cleaner, Enricher enricher)
    {
        var load = new LoadAudit(sourceName);
        var run = cleaner.Start(load);
        var counter = new KeptCounter(enricher);
        long clientDocuments = 0, clientKept = 0;
        foreach (var result in doubtful)
        {
            clientDocuments++;
            load.Record(result);
            if (result.Situation is { } situation && run.Keep(situation))
            {
                clientKept++;
                counter.Add(situation);
            }
        }

        var byRuleOnClient = CleaningRules.All.ToDictionary(rule => rule, run.Audit.RemovedBy, StringComparer.Ordinal);
        long serverDocuments = 0, serverKept = 0;
        var byRuleOnServer = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var group in groups.Rules)
        {
            var key = group["_id"].AsBsonDocument;
            var format = Enum.Parse<StorageFormat>(key["f"].AsString);
            var rule = key.GetValue("r", BsonNull.Value) is BsonString r ? r.Value : null;
            var count = group["n"].ToInt64();
            serverDocuments += count;
            var mapped = MapResult.Of(KeptCounter.Representative(Household.Empty, format));
            for (long i = 0; i < count; i++)
            {
                load.Record(mapped);
                run.Audit.Count(rule);
            }

            if (rule is null)
            {
                serverKept += count;
            }
            else
            {
                byRuleOnServer[rule] = byRuleOnServer.GetValueOrDefault(rule) + count;
            }
        }

        foreach (var group in groups.Daily)
        {
            counter.AddDay(DateOnly.ParseExact(group["_id"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture), group["n"].ToInt64());
        }

        foreach (var group in groups.Housing)
        {
            counter.AddHousing(RawKeys.Housing(group["_id"].AsBsonDocument), group["n"].ToInt64());
        }

        foreach (var group in groups.Geography)
        {
            counter.AddGeography(RawKeys.Geography(group["_id"].AsBsonDocument), group["n"].ToInt64());
        }

        var audit = new PushdownAudit(
            serverDocuments,
            clientDocuments,
            groups.CollidingIds,
            Steps(cleaner.Options, serverDocuments, clientDocuments, serverKept, clientKept, byRuleOnServer, byRuleOnClient));
        return counter.Result(load, run.Audit, audit);
    }

    /// <summary>
    /// ObjectId documents whose id another document (string id, or null id and an <c>id</c> field) has as text:
    /// they go to the client, after it in <c>_id</c> order, so that the duplicate rule sees both.
    /// </summary>
    private static List<ObjectId> CollidingIds(MongoSituationSource source)
    {
        var candidates = new List<ObjectId>();
        var projection = new BsonDocument { { "_id", 1 }, { "id", 1 } };
        foreach (var document in source.Find(MongoQueries.CollisionCandidates(source.MongoOptions), projection, "looking for ids equal as text"))
        {
            var text = document["_id"] is BsonString s ? s.Value
                : document.GetValue("id", BsonNull.Value) switch
                {
                    BsonString id => id.Value,
                    BsonObjectId id => id.Value.ToString(),
                    _ => null,
                };
            if (text is { Length: 24 } && ObjectId.TryParse(text, out var objectId) && objectId.ToString() == text)
            {
                candidates.Add(objectId);
            }
        }

        var colliders = new List<ObjectId>();
        foreach (var chunk in candidates.Distinct().Chunk(IdChunk))
        {
            var filter = new BsonDocument("$and", new BsonArray
            {
                MongoQueries.Filter(source.MongoOptions),
                new BsonDocument("_id", new BsonDocument("$in", new BsonArray(chunk))),
            });
            colliders.AddRange(source.Find(filter, new BsonDocument("_id", 1), "looking for ids equal as text").Select(d => d["_id"].AsObjectId));
        }

        return colliders;
    }

    private static List<PushdownStep> Steps(
        CleaningOptions cleaning, long serverDocuments, long clientDocuments, long serverKept, long clientKept,
        Dictionary<string, long> byRuleOnServer, Dictionary<string, long> byRuleOnClient)
    {
        var steps = new List<PushdownStep>
        {
            new("mapping", "server+client", serverDocuments, clientDocuments,
                "the server checks that every field the mapper reads has the expected type (plain documents, all mapped); the others are fetched and mapped on the client, where rejections are decided"),
        };
        foreach (var rule in CleaningRules.All)
        {
            var server = byRuleOnServer.GetValueOrDefault(rule);
            var client = byRuleOnClient.GetValueOrDefault(rule);
            steps.Add(!cleaning.IsEnabled(rule) ? new(rule, "disabled", 0, 0, "rule switched off")
                : rule switch
                {
                    CleaningRules.Duplicate => new(rule, "client", server, client,
                        "not pushable (needs input order): _id is unique in a collection, so only ids equal as text across BSON types can repeat; those documents are read on the client in _id order"),
                    CleaningRules.ImplausibleAge or CleaningRules.TestBirthDate => new(rule, "client", server, client,
                        "not pushed down: Paris calendar ages are decided on the client; the server only proves, with 2-day margins, that a plain document cannot break the rule, and sends the others to the client"),
                    _ => new(rule, "server", server, client,
                        "$switch in the cleaning order on the server (first rule broken); doubtful documents decided on the client"),
                });
        }

        steps.Add(new("daily", "server", serverKept, clientKept, "$group on $dateToString of dateDeValeur with timezone Europe/Paris"));
        steps.Add(new("housing", "server+client", serverKept, clientKept, "raw housing answers grouped on the server; the few distinct values mapped on the client by HousingStatuses"));
        steps.Add(new("geography", "server+client", serverKept, clientKept, "raw (postal code, INSEE code) pairs grouped on the server; communes resolved on the client with the reference data (Geography.Resolve)"));
        return steps;
    }
}

/// <summary>The results of the four aggregations: each a list of <c>{_id: key, n: count}</c>.</summary>
internal sealed record ServerGroups(
    IReadOnlyList<BsonDocument> Rules,
    IReadOnlyList<BsonDocument> Daily,
    IReadOnlyList<BsonDocument> Housing,
    IReadOnlyList<BsonDocument> Geography,
    int CollidingIds);
