using MesAides.Analytics.Model;
using MongoDB.Bson;

namespace MesAides.Analytics.Loading.Mongo;

/// <summary>
/// Turns the raw values grouped on the server into model values with the mapper's own code: each value
/// is read through <c>Fields</c> over a one-field BSON document, then through <c>HousingStatuses</c>. There
/// are few distinct keys, so the detour costs nothing and keeps a single mapping for both paths.
/// </summary>
internal static class RawKeys
{
    /// <summary>The household of a <see cref="MongoQueries.HousingKey"/> (housing fields only).</summary>
    public static Household Housing(BsonDocument key)
    {
        var (category, detail) = Text(key, "f") switch
        {
            "A" => HousingStatuses.FromLegacy(Text(key, "type"), Text(key, "locationType"), Flag(key, "primoAccedant")),
            "B" => HousingStatuses.FromOpenFisca(Text(key, "status")),
            "C" => HousingStatuses.FromAnswers(Text(key, "logementType") ?? Text(key, "statut"), Text(key, "locationType"), Flag(key, "hlm"), Flag(key, "primoAccedant")),
            var format => throw new InvalidOperationException($"housing group of unknown format '{format}'"),
        };
        return Household.Empty with { Category = category, HousingDetail = detail };
    }

    /// <summary>The household of a <see cref="MongoQueries.GeographyKey"/> (codes only; format A falls back to <c>logement.codePostal</c>).</summary>
    public static Household Geography(BsonDocument key) =>
        Household.Empty with { PostalCode = Code(key, "postal") ?? Code(key, "postal2"), Insee = Code(key, "insee") };

    public static string? Text(BsonDocument key, string name) => Fields.String(Node(key, name), name);

    public static string? Code(BsonDocument key, string name) => Fields.Code(Node(key, name), name);

    public static bool? Flag(BsonDocument key, string name) => Fields.Boolean(Node(key, name), name);

    private static BsonNode Node(BsonDocument key, string name)
    {
        var single = new BsonDocument("v", key.GetValue(name, BsonNull.Value));
        return BsonNode.Root(single.ToBson())["v"u8];
    }
}
