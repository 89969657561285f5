using MesAides.Analytics.Loading.Mongo;

namespace MesAides.Analytics.Tests.Loading.Mongo;

/// <summary>What the source does before it needs a server: arguments, names, and its errors (loopback only).</summary>
public class MongoSituationSourceTests
{
    [Fact]
    public void An_invalid_connection_string_is_reported_without_its_secrets()
    {
        var error = Assert.Throws<MongoSourceException>(() => MongoSituationSource.Open("mongodb://reader:hunter22@host:notaport/dds"));

        Assert.Equal(MongoFailure.InvalidConnectionString, error.Failure);
        Assert.StartsWith("invalid connection string mongodb://***@host:notaport/dds", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_without_a_database_asks_for_one()
    {
        var error = Assert.Throws<MongoSourceException>(() => MongoSituationSource.Open("mongodb://reader:hunter22@127.0.0.1:1"));

        Assert.Equal("no database in mongodb://***@127.0.0.1:1: name it in the path (mongodb://host/dds) or in the options", error.Message);
    }

    [Fact]
    public void Options_are_checked_before_connecting()
    {
        var backwards = new MongoSourceOptions { From = new DateOnly(2020, 1, 1), To = new DateOnly(2019, 1, 1) };

        Assert.Throws<ArgumentException>(() => MongoSituationSource.Open("mongodb://127.0.0.1:1/dds", backwards));
        Assert.Throws<ArgumentException>(() => MongoSituationSource.Open("mongodb://127.0.0.1:1/dds", new MongoSourceOptions { BatchSize = 0 }));
    }

    [Fact]
    public void An_unreachable_host_is_retried_then_reported_with_the_uri_redacted()
    {
        var log = new List<string>();
        var options = new MongoSourceOptions
        {
            Retry = new RetryPolicy(2, TimeSpan.Zero) { Sleep = _ => { } },
            Log = log.Add,
        };

        // Port 1 on the loopback interface: nothing listens there, the driver gets "connection refused".
        var error = Assert.Throws<MongoSourceException>(() =>
            MongoSituationSource.Open("mongodb://reader:hunter22@127.0.0.1:1/dds?serverSelectionTimeoutMS=300&connectTimeoutMS=300", options));

        Assert.Equal(MongoFailure.Unreachable, error.Failure);
        Assert.StartsWith("cannot reach mongodb://***@127.0.0.1:1/dds?serverSelectionTimeoutMS=300&connectTimeoutMS=300", error.Message, StringComparison.Ordinal);
        var retry = Assert.Single(log);
        Assert.Contains("try 2 of 2", retry, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", error.Message + retry, StringComparison.Ordinal);
        Assert.DoesNotContain("reader", error.Message + retry, StringComparison.Ordinal);
    }

    [Fact]
    public void The_name_shows_the_redacted_uri_the_collection_and_the_server_filter()
    {
        var uri = MongoUri.Parse("mongodb+srv://reader:hunter22@cluster0.example.net/dds?authSource=admin");
        var options = new MongoSourceOptions { From = new DateOnly(2019, 1, 1), To = new DateOnly(2019, 12, 31), ExcludeStatuses = ["test", "demo"] };

        Assert.Equal("mongodb+srv://***@cluster0.example.net/dds?authSource=admin dds.situations", MongoSituationSource.Describe(uri, "dds", "situations", MongoSourceOptions.Default));
        Assert.Equal(
            "mongodb+srv://***@cluster0.example.net/dds?authSource=admin dds.situations where dateDeValeur 2019-01-01..2019-12-31 (Paris) and status not in test, demo",
            MongoSituationSource.Describe(uri, "dds", "situations", options));
    }

    [Fact]
    public void Period_covers_whole_Paris_days()
    {
        var options = new MongoSourceOptions { From = new DateOnly(2019, 3, 31), To = new DateOnly(2019, 3, 31) };

        var (start, end) = options.Period;

        // The day DST starts is 23 hours long.
        Assert.Equal(new DateTimeOffset(2019, 3, 30, 23, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2019, 3, 31, 22, 0, 0, TimeSpan.Zero), end);
    }
}
