using MesAides.Analytics.Loading.Mongo;

namespace MesAides.Analytics.Tests.Loading.Mongo;

public class MongoUriTests
{
    [Theory]
    [InlineData("mongodb://localhost", true)]
    [InlineData("MongoDB+SRV://cluster0.example.net/dds", true)]
    [InlineData("mongodb:/localhost", false)]
    [InlineData("data/sample/situations.jsonl.gz", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsMongoUri_recognises_both_schemes(string? input, bool expected)
    {
        Assert.Equal(expected, MongoUri.IsMongoUri(input));
    }

    [Fact]
    public void Parse_reads_the_database_and_leaves_the_uri_for_the_driver()
    {
        var uri = MongoUri.Parse("mongodb://reader:pw@host:27017/dds?authSource=admin");

        Assert.Equal("dds", uri.Database);
        Assert.Null(uri.Collection);
        Assert.Equal("mongodb://reader:pw@host:27017/dds?authSource=admin", uri.DriverUri);
        Assert.Equal("mongodb://***@host:27017/dds?authSource=admin", uri.Redacted);
        Assert.Equal(uri.Redacted, uri.ToString());
    }

    [Fact]
    public void Parse_splits_database_and_collection_at_the_first_dot()
    {
        var uri = MongoUri.Parse("mongodb+srv://u:p%2E@cluster0.example.net/dds.simulations?retryWrites=false");

        Assert.Equal("dds", uri.Database);
        Assert.Equal("simulations", uri.Collection);
        Assert.Equal("mongodb+srv://u:p%2E@cluster0.example.net/dds?retryWrites=false", uri.DriverUri);
    }

    [Theory]
    [InlineData("mongodb://host")]
    [InlineData("mongodb://host/")]
    [InlineData("mongodb://host/?replicaSet=rs0")]
    public void Parse_without_a_path_names_no_database(string input)
    {
        var uri = MongoUri.Parse(input);

        Assert.Null(uri.Database);
        Assert.Null(uri.Collection);
    }

    [Fact]
    public void Parse_rejects_other_inputs_without_echoing_secrets()
    {
        var error = Assert.Throws<ArgumentException>(() => MongoUri.Parse("postgres://u:secret@host/db"));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
