using MesAides.Analytics.Model;

namespace MesAides.Analytics.Analyses;

/// <summary>
/// The months M-12 … M-1 before the month M of a situation: what every resource analysis counts. Legacy
/// documents store M-3 … M-1 one by one and M-12 … M-4 spread; OpenFisca-style ones also copy M, which is
/// therefore left out.
/// </summary>
public readonly record struct LastTwelveMonths(YearMonth Month)
{
    public static LastTwelveMonths Before(YearMonth month) => new(month);

    public YearMonth First => Month.AddMonths(-12);

    public YearMonth Last => Month.AddMonths(-1);

    public bool Contains(YearMonth month) => (Month.Index - month.Index) is >= 1 and <= 12;
}
