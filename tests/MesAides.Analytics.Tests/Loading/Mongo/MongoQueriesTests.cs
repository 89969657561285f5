using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Loading.Mongo;
using MesAides.Analytics.Tests.TestSupport;
using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace MesAides.Analytics.Tests.Loading.Mongo;

/// <summary>The queries and pipelines, rendered as relaxed Extended JSON (what a server receives), without a server.</summary>
public class MongoQueriesTests
{
    private static readonly JsonWriterSettings Relaxed = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson };

    private static readonly MongoSourceOptions Year2019 = new()
    {
        From = new DateOnly(2019, 1, 1),
        To = new DateOnly(2019, 12, 31),
        ExcludeStatuses = ["test", "demo"],
    };

    [Fact]
    public void Filter_puts_the_Paris_period_and_the_excluded_statuses_in_the_query()
    {
        Assert.Equal(
            """{ "dateDeValeur" : { "$gte" : { "$date" : "2018-12-31T23:00:00Z" }, "$lt" : { "$date" : "2019-12-31T23:00:00Z" } }, "status" : { "$nin" : ["test", "demo"] } }""",
            MongoQueries.Filter(Year2019).ToJson(Relaxed));
    }

    [Fact]
    public void Filter_of_a_summer_day_starts_at_22_UTC_and_is_empty_without_options()
    {
        var july = new MongoSourceOptions { From = new DateOnly(2019, 7, 14), To = new DateOnly(2019, 7, 14) };

        Assert.Equal(
            """{ "dateDeValeur" : { "$gte" : { "$date" : "2019-07-13T22:00:00Z" }, "$lt" : { "$date" : "2019-07-14T22:00:00Z" } } }""",
            MongoQueries.Filter(july).ToJson(Relaxed));
        Assert.Equal("{ }", MongoQueries.Filter(MongoSourceOptions.Default).ToJson(Relaxed));
    }

    [Fact]
    public void Resuming_after_an_ObjectId_adds_the_types_that_sort_after_it()
    {
        Assert.Equal(
            """{ "$or" : [{ "_id" : { "$gt" : { "$oid" : "5d9630bbfb4fcd78e2bdc794" } } }, { "_id" : { "$type" : ["bool", "date", "timestamp", "regex", "maxKey"] } }] }""",
            MongoQueries.After(ObjectId.Parse("5d9630bbfb4fcd78e2bdc794")).ToJson(Relaxed));
        Assert.Contains("\"objectId\"", MongoQueries.After("5d96").ToJson(Relaxed), StringComparison.Ordinal);
    }

    [Fact]
    public void Paris_day_uses_dateToString_with_the_Europe_Paris_time_zone()
    {
        Assert.Equal(
            """{ "$cond" : [{ "$eq" : [{ "$type" : "$dateDeValeur" }, "date"] }, { "$dateToString" : { "date" : "$dateDeValeur", "format" : "%Y-%m-%d", "timezone" : "Europe/Paris" } }, null] }""",
            MongoQueries.ParisDay.ToJson(Relaxed));
    }

    [Fact]
    public void First_rule_is_a_switch_in_the_cleaning_order_without_disabled_rules()
    {
        var rule = MongoQueries.FirstRule(CleaningOptions.Default.Without(CleaningRules.TestHousingValues, CleaningRules.TestCommune));

        Assert.Equal(
            """{ "$switch" : { "branches" : [{ "case" : { "$and" : [{ "$eq" : [{ "$type" : "$status" }, "string"] }, { "$in" : ["$status", { "$literal" : ["test", "demo", "investigation"] }] }] }, "then" : "status" }, """
            + """{ "case" : { "$or" : [{ "$eq" : [{ "$type" : "$modifiedFrom" }, "objectId"] }, { "$and" : [{ "$eq" : [{ "$type" : "$modifiedFrom" }, "string"] }, { "$ne" : ["$modifiedFrom", ""] }] }] }, "then" : "edited-copy" }, """
            + """{ "case" : { "$lt" : ["$dateDeValeur", { "$date" : "2014-12-31T23:00:00Z" }] }, "then" : "before-start" }], "default" : null } }""",
            rule.ToJson(Relaxed));
    }

    [Fact]
    public void First_rule_has_every_pushable_rule_in_order_by_default()
    {
        var then = MongoQueries.FirstRule(CleaningOptions.Default)["$switch"]["branches"].AsBsonArray.Select(b => b["then"].AsString);

        Assert.Equal([CleaningRules.Status, CleaningRules.EditedCopy, CleaningRules.TestHousingValues, CleaningRules.TestCommune, CleaningRules.BeforeStart], then);
    }

    [Fact]
    public void Table_pipelines_match_then_project_once_then_keep_plain_kept_documents_then_group()
    {
        var daily = MongoQueries.DailyPipeline(Year2019, CleaningOptions.Default);

        Assert.Equal(["$match", "$project", "$match", "$group"], daily.Select(s => s.GetElement(0).Name));
        Assert.Equal("""{ "$match" : { "dateDeValeur" : { "$gte" : { "$date" : "2018-12-31T23:00:00Z" }, "$lt" : { "$date" : "2019-12-31T23:00:00Z" } }, "status" : { "$nin" : ["test", "demo"] } } }""", daily[0].ToJson(Relaxed));
        Assert.Equal("""{ "$match" : { "k.plain" : true, "k.r" : null } }""", daily[2].ToJson(Relaxed));
        Assert.Equal("""{ "$group" : { "_id" : "$k.day", "n" : { "$sum" : 1 } } }""", daily[3].ToJson(Relaxed));
    }

    [Fact]
    public void Rules_pipeline_groups_plain_documents_by_format_and_rule()
    {
        var rules = MongoQueries.RulesPipeline(MongoSourceOptions.Default, CleaningOptions.Default);

        Assert.Equal("""{ "$match" : { "k.plain" : true } }""", rules[2].ToJson(Relaxed));
        Assert.Equal("""{ "$group" : { "_id" : { "f" : "$k.f", "r" : "$k.r" }, "n" : { "$sum" : 1 } } }""", rules[3].ToJson(Relaxed));
    }

    [Fact]
    public void Colliding_ids_leave_the_server_groups_for_the_client_read()
    {
        ObjectId[] colliders = [ObjectId.Parse("5d9630bbfb4fcd78e2bdc794")];

        var plain = MongoQueries.PlainFilter(MongoSourceOptions.Default, CleaningOptions.Default, colliders).ToJson(Relaxed);
        var doubtful = MongoQueries.DoubtfulFilter(MongoSourceOptions.Default, CleaningOptions.Default, colliders).ToJson(Relaxed);
        var housing = MongoQueries.HousingPipeline(MongoSourceOptions.Default, CleaningOptions.Default, colliders)[0].ToJson(Relaxed);

        Assert.EndsWith("""{ "_id" : { "$nin" : [{ "$oid" : "5d9630bbfb4fcd78e2bdc794" }] } }] }""", plain, StringComparison.Ordinal);
        Assert.StartsWith("""{ "$or" : [{ "$expr" : { "$not" : [{ "$let" : """, doubtful, StringComparison.Ordinal);
        Assert.EndsWith("""{ "_id" : { "$in" : [{ "$oid" : "5d9630bbfb4fcd78e2bdc794" }] } }] }""", doubtful, StringComparison.Ordinal);
        Assert.Equal("""{ "$match" : { "_id" : { "$nin" : [{ "$oid" : "5d9630bbfb4fcd78e2bdc794" }] } } }""", housing);
    }

    [Fact]
    public void Collision_candidates_are_string_ids_of_24_hex_digits_and_the_null_id()
    {
        Assert.Equal(
            """{ "$or" : [{ "_id" : { "$type" : "string", "$regex" : "^[0-9a-f]{24}$" } }, { "_id" : null }] }""",
            MongoQueries.CollisionCandidates(MongoSourceOptions.Default).ToJson(Relaxed));
    }

    [Fact]
    public void Nothing_sent_writes_or_runs_server_side_JavaScript()
    {
        string[] forbidden = ["$out", "$merge", "$function", "$accumulator", "$where"];

        var names = Everything().SelectMany(Names).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(names, forbidden.Contains);
    }

    [Fact]
    public void User_strings_in_rules_are_literals_never_field_paths()
    {
        var options = CleaningOptions.Default with { TestStatuses = ["$status"], TestCommunes = ["$x"] };

        var json = MongoQueries.FirstRule(options).ToJson(Relaxed);

        Assert.Contains("""{ "$literal" : ["$status"] }""", json, StringComparison.Ordinal);
        Assert.Contains("""{ "$literal" : ["$x"] }""", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("daily")]
    [InlineData("housing")]
    [InlineData("geography")]
    [InlineData("doubtful")]
    public void Pipelines_are_those_approved(string name)
    {
        var rendered = Approved(name).ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson, Indent = true, NewLineChars = "\n" }) + "\n";
        var path = Path.Combine(Paths.RepoRoot, "tests", "MesAides.Analytics.Tests", "Loading", "Mongo", "Approved", name + ".json");
        var approved = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        if (rendered != approved)
        {
            var received = Path.Combine(Paths.TempDirectory(), name + ".received.json");
            File.WriteAllText(received, rendered);
            Assert.Fail($"the {name} pipeline changed: compare {received} with {path}; if the change is intended (and checked against a server), copy it over");
        }
    }

    private static BsonValue Approved(string name) => name switch
    {
        "rules" => new BsonArray(MongoQueries.RulesPipeline(MongoSourceOptions.Default, CleaningOptions.Default)),
        "daily" => new BsonArray(MongoQueries.DailyPipeline(MongoSourceOptions.Default, CleaningOptions.Default)),
        "housing" => new BsonArray(MongoQueries.HousingPipeline(MongoSourceOptions.Default, CleaningOptions.Default)),
        "geography" => new BsonArray(MongoQueries.GeographyPipeline(MongoSourceOptions.Default, CleaningOptions.Default)),
        _ => MongoQueries.DoubtfulFilter(MongoSourceOptions.Default, CleaningOptions.Default),
    };

    private static IEnumerable<BsonValue> Everything()
    {
        var options = Year2019;
        var cleaning = CleaningOptions.Default;
        ObjectId[] colliders = [ObjectId.GenerateNewId()];
        yield return MongoQueries.Filter(options);
        yield return MongoQueries.Projection;
        yield return MongoQueries.CollisionCandidates(options);
        yield return MongoQueries.PlainFilter(options, cleaning, colliders);
        yield return MongoQueries.DoubtfulFilter(options, cleaning, colliders);
        yield return new BsonArray(MongoQueries.RulesPipeline(options, cleaning, colliders));
        yield return new BsonArray(MongoQueries.DailyPipeline(options, cleaning, colliders));
        yield return new BsonArray(MongoQueries.HousingPipeline(options, cleaning, colliders));
        yield return new BsonArray(MongoQueries.GeographyPipeline(options, cleaning, colliders));
    }

    private static IEnumerable<string> Names(BsonValue value) => value switch
    {
        BsonDocument document => document.Elements.SelectMany(e => Names(e.Value).Prepend(e.Name)),
        BsonArray array => array.SelectMany(Names),
        _ => [],
    };
}
