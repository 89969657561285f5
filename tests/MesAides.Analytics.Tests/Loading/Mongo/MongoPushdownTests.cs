using MesAides.Analytics.Analyses;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Loading.Mongo;
using MesAides.Analytics.Model;
using MesAides.Analytics.Tests.TestSupport;
using MongoDB.Bson;

namespace MesAides.Analytics.Tests.Loading.Mongo;

/// <summary>Merging the server's groups with the documents the client decided, without a server.</summary>
public class MongoPushdownTests
{
    private static List<BsonDocument> Groups(params string[] json) => [.. json.Select(BsonDocument.Parse)];

    private static SituationCounts Merged()
    {
        var groups = new ServerGroups(
            Groups("""{ "_id" : { "f" : "A", "r" : null }, "n" : 3 }""", """{ "_id" : { "f" : "C", "r" : "status" }, "n" : 2 }"""),
            Groups("""{ "_id" : "2016-03-15", "n" : 3 }"""),
            Groups("""{ "_id" : { "f" : "A", "type" : "locataire", "locationType" : "hlm" }, "n" : 2 }""", """{ "_id" : { "f" : "A" }, "n" : 1 }"""),
            Groups("""{ "_id" : { "postal" : "31000", "insee" : "31555" }, "n" : 3 }"""),
            CollidingIds: 0);
        MapResult[] doubtful =
        [
            MapResult.Of(new Rejection(RejectionReasons.WrongType, new DocumentLocation("db", LocationKind.Document, 1), "logement.loyer", "expected a number")),
            MapResult.Of(Some.Situation(id: "d1")),
            MapResult.Of(Some.Situation(id: "d1")),
            MapResult.Of(Some.Situation(id: "d2", individuals: Some.Individual(birthDate: new DateOnly(1880, 1, 1)))),
        ];
        return MongoPushdown.Merge("db", groups, doubtful, Cleaner.Default, Enricher.Default);
    }

    [Fact]
    public void Audits_add_server_groups_and_client_decisions()
    {
        var counts = Merged();

        Assert.Equal((9L, 8L, 1L), (counts.Load.Read, counts.Load.Mapped, counts.Load.Rejected));
        Assert.Equal([KeyValuePair.Create(StorageFormat.A, 6L), KeyValuePair.Create(StorageFormat.B, 0L), KeyValuePair.Create(StorageFormat.C, 2L)], counts.Load.MappedByFormat);
        Assert.True(counts.Cleaning.Reconciles);
        Assert.Equal(4, counts.Cleaning.Kept);
        Assert.Equal(2, counts.Cleaning.RemovedBy(CleaningRules.Status));
        Assert.Equal(1, counts.Cleaning.RemovedBy(CleaningRules.Duplicate));
        Assert.Equal(1, counts.Cleaning.RemovedBy(CleaningRules.ImplausibleAge));
    }

    [Fact]
    public void Tables_add_server_groups_and_kept_client_situations()
    {
        var counts = Merged();

        Assert.Equal([new DailyCount(new DateOnly(2016, 3, 15), 4)], counts.Daily);
        Assert.Equal(3, counts.Housing.ByCategory[HousingCategory.Locataire]);
        Assert.Equal(1, counts.Housing.Unknown);
        Assert.Equal([(HousingCategory.Locataire, "locataire_hlm", 2L), (HousingCategory.Locataire, "locataire_vide", 1L)], counts.Housing.ByDetail);
        var toulouse = Assert.Single(counts.Geography.Communes);
        Assert.Equal(("31555", 4L), (toulouse.Commune.Insee, toulouse.Situations));
        Assert.Contains(counts.Tables, t => t.Name == "daily");
    }

    [Fact]
    public void Pushdown_audit_says_where_each_rule_ran()
    {
        var audit = Merged().Pushdown!;

        Assert.Equal((5L, 4L), (audit.ServerDocuments, audit.ClientDocuments));
        var steps = audit.Steps.ToDictionary(s => s.Step);
        Assert.Equal(("server", 2L, 0L), (steps[CleaningRules.Status].Where, steps[CleaningRules.Status].OnServer, steps[CleaningRules.Status].OnClient));
        Assert.Equal(("client", 0L, 1L), (steps[CleaningRules.Duplicate].Where, steps[CleaningRules.Duplicate].OnServer, steps[CleaningRules.Duplicate].OnClient));
        Assert.Equal(("client", 1L), (steps[CleaningRules.ImplausibleAge].Where, steps[CleaningRules.ImplausibleAge].OnClient));
        Assert.Equal("client", steps[CleaningRules.TestBirthDate].Where);
        Assert.Equal((3L, 1L), (steps["housing"].OnServer, steps["housing"].OnClient));
        Assert.Equal(["mapping", .. CleaningRules.All, "daily", "housing", "geography"], audit.Steps.Select(s => s.Step));
        Assert.Equal(audit.Steps.Count, audit.Table.Rows.Count);
    }

    [Fact]
    public void Client_path_counts_every_kept_situation_once()
    {
        var counts = SituationCounts.Compute(SituationSource.Sample(new LoadOptions(1)));
        var clean = Cleaner.Default.Apply(SituationSource.Sample(new LoadOptions(1)).Load());
        var housing = Housing.Analyse(Enricher.Default.Enrich(clean.Situations));

        Assert.Null(counts.Pushdown);
        Assert.Equal(clean.Audit.Kept, counts.Daily.Sum(d => d.Situations));
        Assert.Equal(clean.Situations.GroupBy(s => s.Date).Count(), counts.Daily.Count);
        Assert.Equal(housing.Categories.Rows.Select(r => string.Join(",", r.Select(Table.Format))), counts.Housing.Categories.Rows.Select(r => string.Join(",", r.Select(Table.Format))));
    }
}
