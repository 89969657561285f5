using System.Text.RegularExpressions;
using MongoDB.Driver;

namespace MesAides.Analytics.Loading.Mongo;

/// <summary>Why reading from MongoDB failed, for exit codes and for tests.</summary>
public enum MongoFailure
{
    InvalidConnectionString,
    AuthenticationFailed,
    Unreachable,
    UnknownCollection,
    NotAuthorized,
    TimeLimit,
    Other,
}

/// <summary>
/// A MongoDB error said in one sentence, connection string redacted. It carries no inner exception on
/// purpose: the driver quotes connection strings in some messages, and a stack dump would print them.
/// </summary>
public sealed class MongoSourceException(MongoFailure failure, string message) : Exception(message)
{
    public MongoFailure Failure { get; } = failure;
}

/// <summary>Sorts driver exceptions into transient (retry) and final (translate and stop).</summary>
internal static partial class MongoErrors
{
    /// <summary>Server error codes of a replica set changing primary or a network failure seen by mongos.</summary>
    private static readonly HashSet<int> TransientCodes = [6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436];

    public static bool IsTransient(Exception exception) => exception switch
    {
        MongoAuthenticationException => false, // a connection exception too, but never transient
        MongoConnectionException => true,
        MongoNotPrimaryException or MongoNodeIsRecoveringException => true,
        MongoCursorNotFoundException => true, // the reader resumes after the last _id read
        MongoExecutionTimeoutException => false,
        MongoException e when e.HasErrorLabel("RetryableError") || e.HasErrorLabel("TransientTransactionError") => true,
        MongoCommandException e => TransientCodes.Contains(e.Code),
        TimeoutException => true, // no server selected in time: a failover, or nothing there (then the last try says so)
        _ => false,
    };

    /// <summary>The exception the user sees: what failed, where (redacted), and what to check.</summary>
    public static MongoSourceException Translate(Exception exception, MongoUri uri, string? database = null, string? collection = null)
    {
        var where = uri.Redacted;
        var target = database is null ? where : $"{database}{(collection is null ? string.Empty : "." + collection)} on {where}";
        var detail = FirstLine(ConnectionStrings.RedactIn(exception.Message, uri.DriverUri));
        return exception switch
        {
            MongoSourceException e => e,
            MongoAuthenticationException => new(MongoFailure.AuthenticationFailed,
                $"authentication failed for {where}: check the user name, the password and authSource ({detail})"),
            MongoConfigurationException or ArgumentException => new(MongoFailure.InvalidConnectionString,
                $"invalid connection string {where}: {detail}"),
            MongoExecutionTimeoutException => new(MongoFailure.TimeLimit,
                $"a query on {target} exceeded its time limit (maxTimeMS): narrow the period or raise the limit"),
            MongoCommandException { Code: 13 } or MongoCommandException { CodeName: "Unauthorized" } => new(MongoFailure.NotAuthorized,
                $"not authorized to read {target}: the user needs the 'read' role on {database ?? "the database"}"),
            TimeoutException or MongoConnectionException => new(MongoFailure.Unreachable,
                $"cannot reach {where}: {UnreachableReason(exception)}"),
            _ => new(MongoFailure.Other, $"MongoDB error on {target}: {detail}"),
        };
    }

    public static MongoSourceException UnknownCollection(MongoUri uri, string database, string collection, IReadOnlyCollection<string> existing) =>
        new(MongoFailure.UnknownCollection,
            $"no collection {collection} in database {database} on {uri.Redacted}"
            + (existing.Count == 0 ? " (the database has no collection: is the name right?)" : $" (collections: {string.Join(", ", existing.Order(StringComparer.Ordinal).Take(20))})"));

    /// <summary>The socket error behind a server selection timeout, e.g. "connection refused".</summary>
    private static string UnreachableReason(Exception exception)
    {
        var text = exception.ToString();
        var socket = SocketError().Match(text);
        if (socket.Success)
        {
            return socket.Groups[1].Value.Trim().ToLowerInvariant();
        }

        return exception is TimeoutException
            ? "no server answered within the server selection timeout (host, port, network, TLS or replica set name)"
            : "the connection failed (host, port, network or TLS)";
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? text : text[..end];
        return line.Length <= 300 ? line : string.Concat(line.AsSpan(0, 300), "…");
    }

    [GeneratedRegex(@"SocketException \(\d+\): ([^\r\n""]+)")]
    private static partial Regex SocketError();
}
