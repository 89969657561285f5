using System.Net;
using MesAides.Analytics.Loading.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;

namespace MesAides.Analytics.Tests.Loading.Mongo;

public class MongoErrorsTests
{
    private const string Uri = "mongodb://reader:hunter22@db.example.org:27017/dds?authSource=admin";

    private static readonly MongoUri Parsed = MongoUri.Parse(Uri);

    private static readonly ConnectionId Connection = new(new ServerId(new ClusterId(1), new DnsEndPoint("db.example.org", 27017)));

    public static TheoryData<string, bool> Errors => new()
    {
        { "connection", true },
        { "not-primary", true },
        { "recovering", true },
        { "timeout", true },
        { "stepdown-code", true },
        { "authentication", false },
        { "unauthorized", false },
        { "max-time", false },
        { "other", false },
    };

    private static Exception Make(string kind) => kind switch
    {
        "connection" => new MongoConnectionException(Connection, "An exception occurred while receiving a message from the server."),
        "not-primary" => new MongoNotPrimaryException(Connection, new BsonDocument("find", "situations"), new BsonDocument { { "ok", 0 }, { "code", 10107 } }),
        "recovering" => new MongoNodeIsRecoveringException(Connection, new BsonDocument("find", "situations"), new BsonDocument { { "ok", 0 }, { "code", 91 } }),
        "timeout" => new TimeoutException("A timeout occurred after 10000ms selecting a server. HeartbeatException: \"MongoDB.Driver.MongoConnectionException: An exception occurred while opening a connection to the server. ---> System.Net.Sockets.SocketException (111): Connection refused"),
        "stepdown-code" => new MongoCommandException(Connection, "PrimarySteppedDown", new BsonDocument("find", "situations"), new BsonDocument { { "ok", 0 }, { "code", 189 } }),
        "authentication" => new MongoAuthenticationException(Connection, "Unable to authenticate using sasl protocol mechanism SCRAM-SHA-256."),
        "unauthorized" => new MongoCommandException(Connection, "not authorized on dds to execute command", new BsonDocument("find", "situations"), new BsonDocument { { "ok", 0 }, { "code", 13 }, { "codeName", "Unauthorized" } }),
        "max-time" => new MongoExecutionTimeoutException(Connection, "operation exceeded time limit"),
        _ => new InvalidOperationException("other"),
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Only_failovers_and_network_errors_are_transient(string kind, bool transient)
    {
        Assert.Equal(transient, MongoErrors.IsTransient(Make(kind)));
    }

    [Theory]
    [InlineData("authentication", MongoFailure.AuthenticationFailed, "authentication failed for mongodb://***@db.example.org:27017/dds?authSource=admin: check the user name, the password and authSource")]
    [InlineData("timeout", MongoFailure.Unreachable, "cannot reach mongodb://***@db.example.org:27017/dds?authSource=admin: connection refused")]
    [InlineData("connection", MongoFailure.Unreachable, "cannot reach mongodb://***@db.example.org:27017/dds?authSource=admin: the connection failed")]
    [InlineData("unauthorized", MongoFailure.NotAuthorized, "not authorized to read dds.situations on mongodb://***@db.example.org:27017/dds?authSource=admin")]
    [InlineData("max-time", MongoFailure.TimeLimit, "a query on dds.situations on mongodb://***@db.example.org:27017/dds?authSource=admin exceeded its time limit")]
    public void Errors_say_what_failed_with_the_connection_string_redacted(string kind, MongoFailure failure, string start)
    {
        var error = MongoErrors.Translate(Make(kind), Parsed, "dds", "situations");

        Assert.Equal(failure, error.Failure);
        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reader", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void A_driver_message_quoting_the_connection_string_is_redacted()
    {
        var error = MongoErrors.Translate(new MongoConfigurationException($"The connection string '{Uri}' is not valid."), Parsed);

        Assert.Equal(MongoFailure.InvalidConnectionString, error.Failure);
        Assert.Equal("invalid connection string mongodb://***@db.example.org:27017/dds?authSource=admin: The connection string 'mongodb://***@db.example.org:27017/dds?authSource=admin' is not valid.", error.Message);
    }

    [Fact]
    public void Unknown_collection_names_the_database_and_what_it_holds()
    {
        var error = MongoErrors.UnknownCollection(Parsed, "dds", "situationz", ["simulations", "situations"]);

        Assert.Equal(MongoFailure.UnknownCollection, error.Failure);
        Assert.Equal("no collection situationz in database dds on mongodb://***@db.example.org:27017/dds?authSource=admin (collections: simulations, situations)", error.Message);
    }
}
