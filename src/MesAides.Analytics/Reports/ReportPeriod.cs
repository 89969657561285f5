using System.Globalization;

namespace MesAides.Analytics.Reports;

/// <summary>A closed range of Paris calendar dates; null bounds are open.</summary>
public sealed record ReportPeriod(DateOnly? From, DateOnly? To)
{
    public static ReportPeriod Everything { get; } = new(null, null);

    public bool Contains(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);

    public bool IsBounded => From is not null && To is not null;

    /// <summary>The calendar month, quarter or year that contains a date.</summary>
    public static ReportPeriod Containing(DateOnly date, PeriodKind kind) => kind switch
    {
        PeriodKind.Month => new(new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
        PeriodKind.Quarter => Quarter(date),
        PeriodKind.Year => new(new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31)),
        _ => Everything,
    };

    private static ReportPeriod Quarter(DateOnly date)
    {
        var start = new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);
        return new(start, start.AddMonths(3).AddDays(-1));
    }

    /// <summary>The comparison period: the one just before (same calendar length), or a year earlier.</summary>
    public ReportPeriod? ComparedWith(Comparison comparison, PeriodKind kind)
    {
        if (!IsBounded || comparison == Comparison.None)
        {
            return null;
        }

        var (from, to) = (From!.Value, To!.Value);
        if (comparison == Comparison.YearAgo)
        {
            return new(from.AddYears(-1), to.AddYears(-1));
        }

        return kind switch
        {
            PeriodKind.Month => new(from.AddMonths(-1), from.AddDays(-1)),
            PeriodKind.Quarter => new(from.AddMonths(-3), from.AddDays(-1)),
            PeriodKind.Year => new(from.AddYears(-1), from.AddDays(-1)),
            _ when from.Day == 1 && to.AddDays(1).Day == 1 => WholeMonthsBefore(from, to),
            _ => new(from.AddDays(-(to.DayNumber - from.DayNumber + 1)), from.AddDays(-1)),
        };
    }

    /// <summary>Dates covering whole months compare with as many whole months before.</summary>
    private static ReportPeriod WholeMonthsBefore(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
        return new(from.AddMonths(-months), from.AddDays(-1));
    }

    public override string ToString() => (From, To) switch
    {
        (null, null) => "toute la période",
        _ => $"{Text(From)} → {Text(To)}",
    };

    private static string Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";
}
