using MesAides.Analytics.Loading;
using MesAides.Analytics.Reports;
using MesAides.Analytics.Sample;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Reports;

/// <summary>The parallel pass gives the same report as the sequential one, byte for byte.</summary>
public class DeterminismTests
{
    // Enough documents for a dozen batches (512 documents each), with duplicates, test data and bad documents.
    private static readonly Lazy<IReadOnlyList<MongoDB.Bson.BsonDocument>> Documents = new(() => Samples.Documents(6000, seed: 11, badShare: 0.01));

    private static Dictionary<string, byte[]> Report(string input, int workers)
    {
        var source = SituationSource.Open(input, new LoadOptions(workers));
        var result = new ReportRunner().Run(source, new ReportOptions { WriteHtml = false, MinCell = 0 });
        var directory = Paths.TempDirectory();
        ReportFiles.Write(result, directory);
        return Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllBytes, StringComparer.Ordinal);
    }

    [Theory]
    [InlineData(SampleFormat.Jsonl, true, 2)]
    [InlineData(SampleFormat.Bson, false, 2)]
    [InlineData(SampleFormat.Jsonl, false, 3)]
    public void Tables_are_byte_identical_for_one_and_several_workers(SampleFormat format, bool gzip, int workers)
    {
        var input = Samples.Write(Documents.Value, format, gzip);

        var sequential = Report(input, 1);
        var parallel = Report(input, workers);

        Assert.Contains(Path.Combine("tables", "housing.csv"), sequential.Keys);
        Assert.Contains(Path.Combine("tables", "audit.csv"), sequential.Keys);
        Assert.Equal(sequential.Keys.Order(StringComparer.Ordinal), parallel.Keys.Order(StringComparer.Ordinal));
        Assert.All(sequential, file => Assert.True(file.Value.AsSpan().SequenceEqual(parallel[file.Key]), $"{file.Key} differs between 1 and {workers} workers"));
    }

    [Fact]
    public void Documents_come_out_in_input_order_whatever_the_number_of_workers()
    {
        var input = Samples.Write(Documents.Value, SampleFormat.Jsonl);

        var sequential = SituationSource.Open(input, new LoadOptions(1)).ReadAll().Select(Describe).ToList();
        var parallel = SituationSource.Open(input, new LoadOptions(2)).ReadAll().Select(Describe).ToList();

        Assert.Equal(Documents.Value.Count, sequential.Count);
        Assert.Contains(sequential, d => d.StartsWith("rejected", StringComparison.Ordinal));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void A_consumer_that_stops_early_gets_the_first_documents_and_the_readers_stop()
    {
        var input = Samples.Write(Documents.Value, SampleFormat.Bson);
        var expected = SituationSource.Open(input, new LoadOptions(1)).ReadAll().Take(700).Select(Describe).ToList();

        var first = SituationSource.Open(input, new LoadOptions(2)).ReadAll().Take(700).Select(Describe).ToList();

        Assert.Equal(700, first.Count);
        Assert.Equal(expected, first);
    }

    [Fact]
    public void The_duplicate_set_finds_every_repeated_id_across_table_splits()
    {
        // 100,000 ids fill and split the set's 64 KiB tables a dozen times over; 0 is a hash like any other.
        var random = new Random(5);
        var hashes = Enumerable.Range(0, 100_000).Select(_ => (ulong)random.NextInt64() * 2 + 1).Append(0UL).Distinct().ToList();
        var set = new MesAides.Analytics.Cleaning.IdSet();

        var firstTime = hashes.Count(set.Add);
        var secondTime = hashes.Count(set.Add);

        Assert.Equal(hashes.Count, firstTime);
        Assert.Equal(0, secondTime);
        Assert.Equal(hashes.Count, set.Count);
    }

    private static string Describe(MapResult result) =>
        result.Situation is { } s ? $"{s.Id} {s.DateDeValeur:O} {s.Individuals.Length}" : $"rejected {result.Rejection!.Location}";
}
