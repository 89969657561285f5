using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Analyses;

/// <summary>
/// Situations over time. Grain: one row per Paris calendar day, ISO week (Monday start), month, or
/// weekday × hour. Days, weeks and months run from the first to the last date, zero-filled.
/// </summary>
/// <param name="WeekdayHour">Situations whose time is known, by Paris weekday (index 0 = Monday) × hour,
/// flattened: index <c>(weekday - 1) * 24 + hour</c>; read it with <see cref="At"/>.</param>
/// <param name="WithoutTime">Situations stored at exactly Paris midnight (00:00:00.000): documents that kept
/// a date without a time. They count in days, weeks and months, not in the weekday × hour grid.</param>
public sealed record TimeResult(
    IReadOnlyList<(DateOnly Date, long Situations)> Daily,
    IReadOnlyList<(DateOnly WeekStart, long Situations)> Weekly,
    IReadOnlyList<(YearMonth Month, long Situations)> Monthly,
    IReadOnlyList<long> WeekdayHour,
    long WithoutTime) : ITabular
{
    public long Total => Daily.Sum(d => d.Situations);

    public long WithTime => Total - WithoutTime;

    /// <summary>Situations with a known time on an ISO weekday (1 = Monday … 7 = Sunday) and hour (0–23), Paris time.</summary>
    public long At(int weekday, int hour) => WeekdayHour[((weekday - 1) * 24) + hour];

    public Table DailyTable => new(
        "daily",
        [Column.Text("date"), Column.Count("situations")],
        [.. Daily.Select(d => new object?[] { d.Date, d.Situations })]);

    public Table WeeklyTable => new(
        "weekly",
        [Column.Text("week_start"), Column.Count("situations")],
        [.. Weekly.Select(w => new object?[] { w.WeekStart, w.Situations })]);

    public Table MonthlyTable => new(
        "monthly",
        [Column.Text("month"), Column.Count("situations")],
        [.. Monthly.Select(m => new object?[] { m.Month.ToString(), m.Situations })]);

    public Table WeekdayHourTable => new(
        "weekday_hour",
        [Column.Number("weekday"), Column.Number("hour"), Column.Count("situations")],
        [.. Enumerable.Range(1, 7).SelectMany(d => Enumerable.Range(0, 24).Select(h => new object?[] { (long)d, (long)h, At(d, h) }))]);

    public IReadOnlyList<Table> Tables => [DailyTable, WeeklyTable, MonthlyTable, WeekdayHourTable];
}

/// <summary>
/// When situations are simulated: per day, week and month (the seed's time series), and by weekday and hour
/// in Paris local time. A date of value at exactly Paris midnight (00:00:00.000) is read as "date only, time
/// unknown": documents that stored a date without a time would otherwise pile up at midnight, so those
/// situations are counted apart (<see cref="TimeResult.WithoutTime"/>) and left out of the weekday × hour grid.
/// </summary>
public sealed class TimeUsage : IAnalysis<TimeResult>
{
    private readonly Dictionary<int, long> _byDayNumber = [];
    private readonly long[] _weekdayHour = new long[7 * 24];
    private long _withoutTime;

    public static TimeResult Analyse(IEnumerable<Observation> observations) => Pass.Run(new TimeUsage(), observations);

    public static TimeResult Analyse(IEnumerable<Situation> situations) => Pass.Run(new TimeUsage(), situations);

    public void Add(in Observation observation)
    {
        var local = ParisTime.Local(observation.Situation.DateDeValeur);
        var dayNumber = DateOnly.FromDateTime(local).DayNumber;
        _byDayNumber[dayNumber] = _byDayNumber.GetValueOrDefault(dayNumber) + 1;
        if (local.TimeOfDay.Ticks == 0)
        {
            _withoutTime++;
            return;
        }

        _weekdayHour[(IsoWeekday(local.DayOfWeek) - 1) * 24 + local.Hour]++;
    }

    public TimeResult Result()
    {
        if (_byDayNumber.Count == 0)
        {
            return new TimeResult([], [], [], [.. _weekdayHour], _withoutTime);
        }

        var first = _byDayNumber.Keys.Min();
        var last = _byDayNumber.Keys.Max();
        var daily = new List<(DateOnly, long)>(last - first + 1);
        var weekly = new List<(DateOnly, long)>();
        var monthly = new List<(YearMonth, long)>();
        for (var n = first; n <= last; n++)
        {
            var date = DateOnly.FromDayNumber(n);
            var count = _byDayNumber.GetValueOrDefault(n);
            daily.Add((date, count));

            var week = WeekStart(date);
            if (weekly.Count == 0 || weekly[^1].Item1 != week)
            {
                weekly.Add((week, 0));
            }

            weekly[^1] = (week, weekly[^1].Item2 + count);

            var month = YearMonth.Of(date);
            if (monthly.Count == 0 || monthly[^1].Item1 != month)
            {
                monthly.Add((month, 0));
            }

            monthly[^1] = (month, monthly[^1].Item2 + count);
        }

        return new TimeResult(daily, weekly, monthly, [.. _weekdayHour], _withoutTime);
    }

    /// <summary>The Monday of a date's ISO week.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(1 - IsoWeekday(date.DayOfWeek));

    /// <summary>1 = Monday … 7 = Sunday.</summary>
    public static int IsoWeekday(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    /// <summary>French weekday names, Monday first (chart labels).</summary>
    public static IReadOnlyList<string> FrenchWeekdays { get; } =
        ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
}
