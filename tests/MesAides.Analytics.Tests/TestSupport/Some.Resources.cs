using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Tests.TestSupport;

/// <summary>Builders for resource amounts as each storage generation stores them, and the cleaned sample.</summary>
public static partial class Some
{
    private static readonly Lazy<IReadOnlyList<Situation>> Kept = new(() => Cleaner.Default.Apply(SituationSource.Sample().Load()).Situations);

    /// <summary>The embedded sample after default cleaning (loaded once for all tests).</summary>
    public static IReadOnlyList<Situation> KeptSample => Kept.Value;

    /// <summary>
    /// Format A: the 3 months before <paramref name="month"/> as entered, the 9 before them each
    /// <c>(annual − sum of the last 3) / 9</c>, as the 2016 form stored them.
    /// </summary>
    public static MonthlyAmount[] Legacy(string type, string month, double lastThree, double annual)
    {
        var m = YearMonth.Parse(month);
        var spread = (annual - (3 * lastThree)) / 9;
        return [.. Enumerable.Range(1, 12).Select(k => new MonthlyAmount(type, m.AddMonths(-k), k <= 3 ? lastThree : spread))];
    }

    /// <summary>Format B: the same amount for M-12 … M, month M copied as OpenFisca-style documents do.</summary>
    public static MonthlyAmount[] OpenFisca(string type, string month, double amount)
    {
        var m = YearMonth.Parse(month);
        return [.. Enumerable.Range(0, 13).Select(k => new MonthlyAmount(type, m.AddMonths(-k), amount))];
    }

    public static FiscalAmount Fiscal(string type, int year, double amount) => new(type, year, amount);
}
