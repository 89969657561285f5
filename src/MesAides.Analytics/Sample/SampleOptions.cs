namespace MesAides.Analytics.Sample;

/// <summary>Output encodings of the sample generator.</summary>
public enum SampleFormat
{
    /// <summary>One relaxed Extended JSON document a line (<c>mongoexport</c>'s default).</summary>
    Jsonl,

    /// <summary>A JSON array (<c>mongoexport --jsonArray</c>).</summary>
    Json,

    /// <summary>BSON documents one after another (<c>mongodump</c>'s <c>situations.bson</c>).</summary>
    Bson,
}

/// <summary>What to generate.</summary>
/// <param name="Count">Number of documents, test data and bad documents included.</param>
/// <param name="Seed">Same seed, same documents, byte for byte.</param>
/// <param name="TestShare">Share of documents that are test data cleaning must remove.</param>
/// <param name="BadShare">Share of documents with a wrong-typed field, which loading must reject.</param>
public sealed record SampleOptions(int Count = 5000, int Seed = 2016, double TestShare = 0.04, double BadShare = 0.002)
{
    public DateOnly Start { get; init; } = new(2015, 1, 1);

    public DateOnly End { get; init; } = new(2024, 12, 31);
}

/// <summary>What the generator injected: by cleaning rule id, and <c>rejected:wrong-type</c>.</summary>
public sealed class SampleManifest
{
    private readonly SortedDictionary<string, int> _injected = new(StringComparer.Ordinal);

    public int Documents { get; internal set; }

    public IReadOnlyDictionary<string, int> Injected => _injected;

    /// <summary>Documents that are neither test data nor bad: what cleaning must keep.</summary>
    public int Clean => Documents - _injected.Values.Sum();

    internal void Count(string key) => _injected[key] = _injected.GetValueOrDefault(key) + 1;
}
