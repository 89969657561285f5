using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Analyses;

/// <summary>Settings of the situations × visits coherence check.</summary>
/// <param name="DivergenceZ">A day diverges when |z-score of log(situations / visits)| is above this.</param>
public sealed record VisitsOptions(double DivergenceZ = 2.0)
{
    public static VisitsOptions Default { get; } = new();
}

/// <summary>One day present in both series.</summary>
/// <param name="Ratio">Situations per visit; null on a day without visits.</param>
/// <param name="Z">z-score of log(ratio) among the days with both counts above 0; null otherwise.</param>
/// <param name="Diverges">|Z| above the threshold, or one series at 0 while the other is not.</param>
public sealed record VisitsDay(DateOnly Date, long Situations, long Visits, double? Ratio, double? Z, bool Diverges);

/// <summary>Simulated situations against web-analytics visits. Grain: one row per day present in both series.</summary>
/// <param name="ValueColumn">The visits column read (<c>nb_visits</c>, <c>Visites</c>, <c>nb_pageviews</c>…).</param>
/// <param name="Correlation">Pearson and Spearman of daily situations and visits over <see cref="Days"/> (no bootstrap
/// interval: days are not independent draws).</param>
public sealed record VisitsComparisonResult(
    string ValueColumn,
    double Threshold,
    IReadOnlyList<VisitsDay> Days,
    Correlation Correlation) : ITabular
{
    public IEnumerable<VisitsDay> Divergent => Days.Where(d => d.Diverges);

    public Table DaysTable => new(
        "visits",
        [Column.Text("date"), Column.Count("situations"), Column.Number("visits"), Column.Derived("ratio", "situations"), Column.Text("diverges")],
        [.. Days.Select(d => new object?[] { d.Date, d.Situations, d.Visits, d.Ratio, d.Diverges ? "true" : "false" })]);

    /// <summary>One row: how many days were compared, the coefficients, how many days diverge.</summary>
    public Table SummaryTable => new(
        "visits_summary",
        [Column.Number("days"), Column.Number("pearson"), Column.Number("spearman"), Column.Number("divergent_days"), Column.Number("z_threshold"), Column.Text("visits_column")],
        [[(long)Days.Count, Correlation.Pearson, Correlation.Spearman, (long)Divergent.Count(), Threshold, ValueColumn]]);

    public IReadOnlyList<Table> Tables => [DaysTable, SummaryTable];
}

/// <summary>
/// The seed's coherence check: simulations recorded per day should follow the visits measured by Piwik/Matomo.
/// Both daily series are aligned on the dates they share (situation days run zero-filled from the first to the
/// last date of value), then compared through their correlation and the days where situations per visit stray.
/// </summary>
public sealed class VisitsComparison(VisitsData visits, VisitsOptions? options = null) : IAnalysis<VisitsComparisonResult>
{
    private readonly Dictionary<int, long> _byDayNumber = [];
    private readonly VisitsOptions _options = options ?? VisitsOptions.Default;

    public static VisitsComparisonResult Analyse(IEnumerable<Observation> observations, VisitsData visits, VisitsOptions? options = null) =>
        Pass.Run(new VisitsComparison(visits, options), observations);

    public static VisitsComparisonResult Analyse(IEnumerable<Situation> situations, VisitsData visits, VisitsOptions? options = null) =>
        Pass.Run(new VisitsComparison(visits, options), situations);

    public void Add(in Observation observation)
    {
        var day = observation.Situation.Date.DayNumber;
        _byDayNumber[day] = _byDayNumber.GetValueOrDefault(day) + 1;
    }

    public VisitsComparisonResult Result()
    {
        var threshold = _options.DivergenceZ;
        if (_byDayNumber.Count == 0)
        {
            return new VisitsComparisonResult(visits.ValueColumn, threshold, [], Correlation.Empty(0));
        }

        var first = _byDayNumber.Keys.Min();
        var last = _byDayNumber.Keys.Max();
        var shared = visits.Days
            .Where(v => v.Date.DayNumber >= first && v.Date.DayNumber <= last)
            .Select(v => (v.Date, Situations: _byDayNumber.GetValueOrDefault(v.Date.DayNumber), v.Visits))
            .ToList();

        var logs = shared.Where(d => d.Situations > 0 && d.Visits > 0).Select(d => Math.Log((double)d.Situations / d.Visits)).ToList();
        var mean = logs.Count > 0 ? logs.Average() : 0;
        var sd = logs.Count > 2 ? Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / (logs.Count - 1)) : 0;
        var days = shared.Select(d =>
        {
            double? ratio = d.Visits > 0 ? (double)d.Situations / d.Visits : null;
            double? z = d.Situations > 0 && d.Visits > 0 && sd > 0 ? (Math.Log(ratio!.Value) - mean) / sd : null;
            var diverges = z is { } value ? Math.Abs(value) > threshold : (d.Situations == 0) != (d.Visits == 0);
            return new VisitsDay(d.Date, d.Situations, d.Visits, ratio, z, diverges);
        }).ToList();

        var correlation = Statistics.Correlate([.. days.Select(d => (double)d.Situations)], [.. days.Select(d => (double)d.Visits)]);
        return new VisitsComparisonResult(visits.ValueColumn, threshold, days, correlation);
    }
}
