using System.Globalization;

namespace MesAides.Analytics.Reference;

/// <summary>The net minimum wage (SMIC) of one year, as in <c>data/reference/smic_net_annual.csv</c>.</summary>
public sealed record MinimumWageYear(int Year, double MonthlyNet, double AnnualNet);

/// <summary>
/// Net minimum wage per year (embedded <c>smic_net_annual.csv</c>): the income chart marks it, as the seed
/// post saw "un second pic aux alentours du SMIC annuel".
/// </summary>
public static class MinimumWage
{
    private static readonly Lazy<IReadOnlyList<MinimumWageYear>> Embedded = new(() =>
        [.. ReferenceFiles.Rows("smic_net_annual.csv")
            .Select(r => new MinimumWageYear(
                int.Parse(r["year"], NumberStyles.None, CultureInfo.InvariantCulture),
                double.Parse(r["monthly_net"], NumberStyles.Float, CultureInfo.InvariantCulture),
                double.Parse(r["annual_net"], NumberStyles.Float, CultureInfo.InvariantCulture)))
            .OrderBy(y => y.Year)]);

    /// <summary>Every year of the table, oldest first.</summary>
    public static IReadOnlyList<MinimumWageYear> Years => Embedded.Value;

    /// <summary>The row of a year; outside the table (or in a gap), the nearest year's (the earlier one on a tie).</summary>
    public static MinimumWageYear For(int year)
    {
        var best = Years[0];
        foreach (var row in Years)
        {
            if (Math.Abs(row.Year - year) < Math.Abs(best.Year - year))
            {
                best = row;
            }
        }

        return best;
    }

    /// <summary>Annual net SMIC of a year (nearest year when outside the table), in euros.</summary>
    public static double AnnualNet(int year) => For(year).AnnualNet;

    /// <summary>"SMIC net annuel 2016 : 13 725 €" (rounded to the euro, French thousands separator).</summary>
    public static string Label(int? year, double annualNet) =>
        (year is { } y ? string.Create(CultureInfo.InvariantCulture, $"SMIC net annuel {y} : ") : "SMIC net annuel : ")
        + Euros(annualNet);

    /// <summary>Whole euros with a narrow no-break space between thousands, as the charts' theme writes numbers.</summary>
    internal static string Euros(double amount) =>
        Math.Round(amount, MidpointRounding.AwayFromZero).ToString("#,0", FrenchThousands) + "\u00A0€";

    private static readonly NumberFormatInfo FrenchThousands = new() { NumberGroupSeparator = "\u202F", NumberDecimalSeparator = ",", NegativeSign = "-" };
}
