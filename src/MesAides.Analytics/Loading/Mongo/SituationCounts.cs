using MesAides.Analytics.Analyses;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Loading.Mongo;

/// <summary>Kept situations of one Paris calendar day.</summary>
public sealed record DailyCount(DateOnly Day, long Situations);

/// <summary>
/// The counts that can be computed where the data is: the audits, situations by day, housing and
/// geography. The client path (<see cref="Compute"/>, any source) and the MongoDB pushdown give equal
/// values; <see cref="Pushdown"/> says where each step ran (null on the client path).
/// </summary>
public sealed record SituationCounts(
    LoadAudit Load,
    CleaningAudit Cleaning,
    IReadOnlyList<DailyCount> Daily,
    HousingResult Housing,
    GeographyResult Geography,
    PushdownAudit? Pushdown) : ITabular
{
    /// <summary>Grain: one row per Paris day with at least one kept situation.</summary>
    public Table DailyTable => new(
        "daily",
        [Column.Text("date"), Column.Count("situations")],
        [.. Daily.Select(d => new object?[] { d.Day, d.Situations })]);

    public IReadOnlyList<Table> Tables => [DailyTable, .. Housing.Tables, .. Geography.Tables];

    /// <summary>The client path: reads every document of <paramref name="source"/>, cleans, enriches and counts.</summary>
    public static SituationCounts Compute(SituationSource source, Cleaner? cleaner = null, Enricher? enricher = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        enricher ??= Enricher.Default;
        var load = source.NewAudit();
        var run = (cleaner ?? Cleaner.Default).Start(load);
        var counter = new KeptCounter(enricher);
        foreach (var situation in source.Stream(load))
        {
            if (run.Keep(situation))
            {
                counter.Add(situation);
            }
        }

        return counter.Result(load, run.Audit, null);
    }
}

/// <summary>
/// Feeds kept situations to the analyses. The pushdown replays each server group as one representative
/// situation added n times: the analyses then run their own code on it, so both paths share it.
/// </summary>
internal sealed class KeptCounter(Enricher enricher)
{
    private readonly Housing _housing = new();
    private readonly GeographyUsage _geography = new(enricher.Geography);
    private readonly SortedDictionary<DateOnly, long> _daily = [];

    public void Add(Situation situation)
    {
        var observation = enricher.Enrich(situation);
        _housing.Add(observation);
        _geography.Add(observation);
        AddDay(situation.Date, 1);
    }

    public void AddDay(DateOnly day, long times) => _daily[day] = _daily.GetValueOrDefault(day) + times;

    /// <summary>Situations whose housing answers are those of <paramref name="household"/> (nothing else is read).</summary>
    public void AddHousing(Household household, long times) => Replay(_housing, household, times);

    /// <summary>Situations whose codes are those of <paramref name="household"/> (nothing else is read).</summary>
    public void AddGeography(Household household, long times) => Replay(_geography, household, times);

    private void Replay(IAnalysis analysis, Household household, long times)
    {
        var observation = enricher.Enrich(Representative(household));
        for (long i = 0; i < times; i++)
        {
            analysis.Add(observation);
        }
    }

    /// <summary>A stand-in carrying only the household: the grouped analyses read nothing else.</summary>
    internal static Situation Representative(Household household, StorageFormat format = StorageFormat.A) =>
        new("pushdown-group", format, null, DateTimeOffset.UnixEpoch, null, null, household, []);

    public SituationCounts Result(LoadAudit load, CleaningAudit cleaning, PushdownAudit? pushdown) => new(
        load,
        cleaning,
        [.. _daily.Select(p => new DailyCount(p.Key, p.Value))],
        _housing.Result(),
        _geography.Result(),
        pushdown);
}
