using MesAides.Analytics.Model;

namespace MesAides.Analytics.Loading;

/// <summary>
/// What loading did: every document read is either mapped or rejected with a reason
/// (<c>Read == Mapped + Rejected</c>, always). Keeps the first rejections in full for the user.
/// </summary>
public sealed class LoadAudit(string source, int maxSamples = 100)
{
    private readonly Dictionary<string, long> _rejected = new(StringComparer.Ordinal);
    private readonly long[] _byFormat = new long[3];
    private readonly List<Rejection> _samples = [];

    public string Source { get; } = source;

    public long Read { get; private set; }

    public long Mapped { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>Rejections by reason id, sorted by id.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> RejectedByReason =>
        [.. _rejected.OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>Mapped situations by storage generation.</summary>
    public IReadOnlyList<KeyValuePair<StorageFormat, long>> MappedByFormat =>
        [.. Enum.GetValues<StorageFormat>().Select(f => KeyValuePair.Create(f, _byFormat[(int)f]))];

    /// <summary>The first rejections, with location, field and message.</summary>
    public IReadOnlyList<Rejection> Samples => _samples;

    public bool Reconciles => Read == Mapped + Rejected;

    public void Record(in MapResult result)
    {
        Read++;
        if (result.Situation is { } situation)
        {
            Mapped++;
            _byFormat[(int)situation.Format]++;
            return;
        }

        var rejection = result.Rejection!;
        Rejected++;
        _rejected[rejection.Reason] = _rejected.GetValueOrDefault(rejection.Reason) + 1;
        if (_samples.Count < maxSamples)
        {
            _samples.Add(rejection);
        }
    }

    /// <summary>Adds another audit's counts (several inputs read as one).</summary>
    public void Add(LoadAudit other)
    {
        Read += other.Read;
        Mapped += other.Mapped;
        Rejected += other.Rejected;
        foreach (var (reason, count) in other._rejected)
        {
            _rejected[reason] = _rejected.GetValueOrDefault(reason) + count;
        }

        for (var i = 0; i < _byFormat.Length; i++)
        {
            _byFormat[i] += other._byFormat[i];
        }

        _samples.AddRange(other._samples.Take(maxSamples - _samples.Count));
    }

    public override string ToString() =>
        $"{Source}: read {Read:N0} = mapped {Mapped:N0} + rejected {Rejected:N0}"
        + (Rejected == 0 ? string.Empty : " (" + string.Join(", ", RejectedByReason.Select(p => $"{p.Key} {p.Value:N0}")) + ")");
}

/// <summary>Thrown in strict mode at the first rejected document.</summary>
public sealed class LoadException(Rejection rejection) : Exception(rejection.ToString())
{
    public Rejection Rejection { get; } = rejection;
}
