using MesAides.Analytics.Reference;
using MesAides.Analytics.Sample;
using MongoDB.Bson;

namespace MesAides.Analytics.Tests.TestSupport;

/// <summary>Generated documents written to temporary files in any export form.</summary>
public static class Samples
{
    public static IReadOnlyList<BsonDocument> Documents(int count, int seed = 7, double badShare = 0.002)
    {
        var generator = new SampleGenerator(new SampleOptions(count, seed, BadShare: badShare), Geography.Default);
        return [.. generator.Documents()];
    }

    public static string Write(IEnumerable<BsonDocument> documents, SampleFormat format, bool gzip = false, string? directory = null)
    {
        directory ??= Paths.TempDirectory();
        var extension = format switch { SampleFormat.Bson => "bson", SampleFormat.Json => "json", _ => "jsonl" };
        var path = Path.Combine(directory, $"situations.{extension}" + (gzip ? ".gz" : string.Empty));
        SampleGenerator.Write(documents, path, format);
        return path;
    }

    /// <summary>The upstream fixtures as BSON documents (relaxed Extended JSON parsed by the driver).</summary>
    public static IReadOnlyList<BsonDocument> UpstreamDocuments()
    {
        var directory = Paths.UpstreamDirectory;
        Skip.If(directory is null, "../shared/fixtures/upstream is absent");
        return [.. Directory.GetFiles(directory!, "*.json").Order(StringComparer.Ordinal).Select(f => BsonDocument.Parse(File.ReadAllText(f)))];
    }
}
