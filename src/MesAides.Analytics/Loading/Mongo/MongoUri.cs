namespace MesAides.Analytics.Loading.Mongo;

/// <summary>
/// A MongoDB connection string as the user gave it, split into what the driver takes and the database
/// and collection to read. The path may name both: <c>mongodb://host/dds.situations</c> (database names
/// cannot hold a dot, so the first dot separates them).
/// </summary>
/// <param name="DriverUri">The connection string without the collection part, for the driver (secret: never print it).</param>
/// <param name="Database">The database named in the path, if any.</param>
/// <param name="Collection">The collection named in the path, if any.</param>
public sealed record MongoUri(string DriverUri, string? Database, string? Collection)
{
    /// <summary>True for <c>mongodb://</c> and <c>mongodb+srv://</c> connection strings: what <c>SituationSource.Open</c> routes here.</summary>
    public static bool IsMongoUri(string? input) =>
        input is not null
        && (input.StartsWith("mongodb://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The connection string with secrets hidden (<see cref="ConnectionStrings.Redact"/>).</summary>
    public string Redacted => ConnectionStrings.Redact(DriverUri);

    public override string ToString() => Redacted;

    public static MongoUri Parse(string uri)
    {
        if (!IsMongoUri(uri))
        {
            throw new ArgumentException($"not a MongoDB connection string (mongodb:// or mongodb+srv://): {ConnectionStrings.Redact(uri)}", nameof(uri));
        }

        var schemeEnd = uri.IndexOf("://", StringComparison.Ordinal) + 3;
        var query = uri.IndexOf('?', schemeEnd);
        var beforeQuery = query < 0 ? uri : uri[..query];
        var hostsStart = beforeQuery.LastIndexOf('@') is var at and >= 0 ? at + 1 : schemeEnd;
        var slash = beforeQuery.IndexOf('/', hostsStart);
        if (slash < 0)
        {
            return new MongoUri(uri, null, null);
        }

        var path = Uri.UnescapeDataString(beforeQuery[(slash + 1)..]);
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var database = dot < 0 ? path : path[..dot];
        var collection = dot < 0 ? null : path[(dot + 1)..];
        if (collection is null)
        {
            return new MongoUri(uri, database.Length == 0 ? null : database, null);
        }

        // The driver takes the database only (it is also the default authSource).
        var driverUri = string.Concat(uri.AsSpan(0, slash + 1), Uri.EscapeDataString(database), query < 0 ? string.Empty : uri[query..]);
        return new MongoUri(driverUri, database.Length == 0 ? null : database, collection.Length == 0 ? null : collection);
    }
}
