using MesAides.Analytics.Loading;
using MesAides.Analytics.Loading.Mongo;
using MesAides.Analytics.Tests.TestSupport;
using MongoDB.Bson;

namespace MesAides.Analytics.Tests.Loading.Mongo;

/// <summary>The projection is derived from what the mapper actually reads, not from a list kept by hand.</summary>
public class ProjectionTests
{
    /// <summary>Documents reaching the mapper's rarer branches, next to the generated sample and the upstream fixtures.</summary>
    private static IEnumerable<BsonDocument> RareBranches()
    {
        // Format C with the answers as a plain array (no answers.all).
        yield return new BsonDocument
        {
            { "_id", ObjectId.Parse("60a000000000000000000001") },
            { "dateDeValeur", new BsonDateTime(new DateTime(2021, 6, 1, 10, 0, 0, DateTimeKind.Utc)) },
            { "answers", new BsonArray { new BsonDocument { { "entityName", "menage" }, { "fieldName", "depcom" }, { "value", "75056" } } } },
        };

        // Format A without _id nor dateDeValeur, postal code on logement, an empty address.
        yield return new BsonDocument
        {
            { "createdAt", new BsonDateTime(new DateTime(2016, 6, 1, 10, 0, 0, DateTimeKind.Utc)) },
            { "logement", new BsonDocument { { "type", "locataire" }, { "codePostal", "75001" }, { "adresse", new BsonDocument() } } },
            { "individus", new BsonArray() },
        };
    }

    private static HashSet<string> MapperReads()
    {
        var reads = new HashSet<string>(StringComparer.Ordinal);
        var documents = Samples.Documents(2000).Concat(RareBranches());
        if (Paths.UpstreamDirectory is not null)
        {
            documents = documents.Concat(Samples.UpstreamDocuments());
        }

        long ordinal = 0;
        foreach (var document in documents)
        {
            try
            {
                SituationMapper.Map(RecordingNode.Root(document.ToBson(), reads), ++ordinal);
            }
            catch (MappingException)
            {
                // Rejected documents still tell what was read up to the error.
            }
        }

        return reads;
    }

    /// <summary>Paths read through <c>[]</c> or <c>.*</c> are needed whole from there; a parent read only to reach its members is not.</summary>
    private static SortedSet<string> Minimal(IReadOnlySet<string> reads)
    {
        static int Cut(string path)
        {
            var items = path.IndexOf("[]", StringComparison.Ordinal);
            var members = path.IndexOf(".*", StringComparison.Ordinal);
            return items < 0 ? members : members < 0 ? items : Math.Min(items, members);
        }

        var whole = reads.Where(r => Cut(r) >= 0).Select(r => r[..Cut(r)]).ToHashSet(StringComparer.Ordinal);
        var leaves = reads.Where(r => Cut(r) < 0).Concat(whole).ToHashSet(StringComparer.Ordinal);
        return new SortedSet<string>(
            leaves.Where(path =>
                !whole.Any(w => path.StartsWith(w + ".", StringComparison.Ordinal))
                && (whole.Contains(path) || !leaves.Any(other => other.StartsWith(path + ".", StringComparison.Ordinal)))),
            StringComparer.Ordinal);
    }

    [Fact]
    public void Projection_is_exactly_the_fields_the_mapper_reads_in_all_three_formats()
    {
        var reads = MapperReads();

        Assert.Equal(Minimal(reads), new SortedSet<string>(MongoQueries.ProjectionFields, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_path_the_mapper_reads_is_inside_a_projected_field()
    {
        var projected = MongoQueries.ProjectionFields;

        var outside = MapperReads()
            .Where(read => !projected.Any(field => read == field || read.StartsWith(field + ".", StringComparison.Ordinal) || read.StartsWith(field + "[]", StringComparison.Ordinal)))
            .Where(read => !projected.Any(field => field.StartsWith(read + ".", StringComparison.Ordinal))) // parents of projected fields stay documents
            .ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void Projection_renders_as_an_inclusion_document_without_path_collisions()
    {
        var fields = MongoQueries.ProjectionFields;

        Assert.Equal(fields.Length, fields.Distinct().Count());
        Assert.DoesNotContain(fields, f => fields.Any(g => g != f && f.StartsWith(g + ".", StringComparison.Ordinal)));
        Assert.StartsWith("{ \"_id\" : 1, \"id\" : 1, \"version\" : 1, \"__v\" : 1, \"status\" : 1, \"modifiedFrom\" : 1, \"dateDeValeur\" : 1, \"createdAt\" : 1, \"individus\" : 1, \"logement.type\" : 1,", MongoQueries.Projection.ToJson());
    }
}
