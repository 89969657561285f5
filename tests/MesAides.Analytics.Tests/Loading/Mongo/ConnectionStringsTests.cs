using MesAides.Analytics.Loading.Mongo;

namespace MesAides.Analytics.Tests.Loading.Mongo;

public class ConnectionStringsTests
{
    [Theory]
    [InlineData("mongodb://localhost:27017", "mongodb://localhost:27017")]
    [InlineData("mongodb://reader:s3cret@db.example.org:27017/dds?authSource=admin", "mongodb://***@db.example.org:27017/dds?authSource=admin")]
    [InlineData("mongodb://reader@host:27017/dds?authSource=admin", "mongodb://***@host:27017/dds?authSource=admin")]
    [InlineData("mongodb+srv://analyst:pa%40ss%2Fw0rd@cluster0.example.net/dds?retryWrites=false", "mongodb+srv://***@cluster0.example.net/dds?retryWrites=false")]
    [InlineData("MONGODB+SRV://u:p@cluster0.example.net", "MONGODB+SRV://***@cluster0.example.net")]
    [InlineData("mongodb://u:p@a:27017,b:27018,c:27019/dds?replicaSet=rs0&readPreference=secondary", "mongodb://***@a:27017,b:27018,c:27019/dds?replicaSet=rs0&readPreference=secondary")]
    [InlineData("mongodb://host/dds?tls=true&tlsCertificateKeyFile=/etc/ssl/client.pem&tlsCertificateKeyFilePassword=hunter2", "mongodb://host/dds?tls=true&tlsCertificateKeyFile=***&tlsCertificateKeyFilePassword=***")]
    [InlineData("mongodb://host/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:abc123", "mongodb://host/?authMechanism=MONGODB-AWS&authMechanismProperties=***")]
    [InlineData("mongodb://host/?sslClientCertificateKeyPassword=x1;ssl=true", "mongodb://host/?sslClientCertificateKeyPassword=***;ssl=true")]
    [InlineData("mongodb://host/?PASSWORD=x&appName=me@laptop", "mongodb://host/?PASSWORD=***&appName=***")]
    [InlineData("mongodb://[::1]:27017/dds", "mongodb://[::1]:27017/dds")]
    public void Redact_hides_user_information_and_secret_options(string uri, string expected)
    {
        Assert.Equal(expected, ConnectionStrings.Redact(uri));
    }

    [Theory]
    [InlineData("mongodb://user:p@ss@host/dds", "mongodb://***@host/dds")] // unencoded '@' in the password
    [InlineData("mongodb://user:pa/ss@host/dds", "mongodb://***@host/dds")] // unencoded '/'
    [InlineData("mongodb://user:pa?ss@host/dds", "mongodb://***")] // unencoded '?': cannot split safely
    [InlineData("mongodb://user:pa?x=y@host/dds", "mongodb://***")]
    public void Redact_hides_everything_it_cannot_split_safely(string uri, string expected)
    {
        var redacted = ConnectionStrings.Redact(uri);

        Assert.Equal(expected, redacted);
        Assert.DoesNotContain("pa", redacted.Replace("mongodb", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void RedactIn_removes_the_connection_string_and_its_secrets_from_a_message()
    {
        const string uri = "mongodb://analyst:pa%40ss%2Fw0rd@host:27017/dds?tlsCertificateKeyFilePassword=hunter2";
        var message = $"The connection string '{uri}' is not valid; password pa@ss/w0rd, user analyst, key hunter2";

        var redacted = ConnectionStrings.RedactIn(message, uri);

        Assert.Equal("The connection string 'mongodb://***@host:27017/dds?tlsCertificateKeyFilePassword=***' is not valid; password ***, user ***, key ***", redacted);
    }

    [Fact]
    public void Redact_leaves_a_path_alone_and_masks_options_of_a_key_value_string()
    {
        Assert.Equal("/data/dump/situations.bson", ConnectionStrings.Redact("/data/dump/situations.bson"));
        Assert.Equal("host=h;password=***", ConnectionStrings.Redact("host=h;password=x"));
    }
}
