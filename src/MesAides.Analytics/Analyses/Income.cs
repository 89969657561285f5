using System.Globalization;
using System.Runtime.InteropServices;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;

namespace MesAides.Analytics.Analyses;

/// <summary>A bin of the income histogram; <see cref="Lower"/>/<see cref="Upper"/> are null at the open ends.</summary>
public sealed record IncomeBin(string Bin, double? Lower, double? Upper, long Situations, double Share);

/// <summary>A bin of the fine density of positive incomes: <c>Lower &lt; income ≤ Upper</c>.</summary>
public sealed record IncomeDensityBin(double Lower, double Upper, long Situations);

/// <summary>
/// Household income over the last 12 months: the sum of every monthly amount of every member (fiscal amounts
/// left out; a household with no resource is at 0). Grain: one row per income bin.
/// </summary>
/// <param name="Bins"><c>&lt; 0</c>, <c>0</c>, <c>(0, 5000]</c> … <c>(45000, 50000]</c>, <c>&gt; 50000</c>; shares of all situations.</param>
/// <param name="Density">500 € bins of positive incomes from 0 to 60,000 (counts), for the chart.</param>
/// <param name="AboveDensity">Positive incomes above the last density bin.</param>
/// <param name="Positive">Situations with a positive income.</param>
/// <param name="Median">Median and quartiles of positive incomes, interpolated in 10 € bins (precise to within 10 €; null above 200,000).</param>
/// <param name="MedianYear">Median year of the situations' dates, for the minimum wage the chart marks.</param>
public sealed record IncomeResult(
    long Situations,
    IReadOnlyList<IncomeBin> Bins,
    IReadOnlyList<IncomeDensityBin> Density,
    long AboveDensity,
    long Positive,
    double? FirstQuartile,
    double? Median,
    double? ThirdQuartile,
    int? MedianYear) : ITabular
{
    public const string ZeroBin = "0";

    /// <summary>Situations whose income is exactly 0 (to the cent).</summary>
    public long Zero => Bins.Single(b => b.Bin == ZeroBin).Situations;

    public double ShareZero => Shares.Of(Zero, Situations);

    public Table Histogram => new(
        "income",
        [Column.Text("bin"), Column.Number("lower"), Column.Number("upper"), Column.Count("situations"), Column.Derived("share", "situations")],
        [.. Bins.Select(b => new object?[] { b.Bin, b.Lower, b.Upper, b.Situations, b.Share })]);

    public Table DensityTable => new(
        "income_density",
        [Column.Number("lower"), Column.Number("upper"), Column.Count("situations")],
        [.. Density.Select(b => new object?[] { b.Lower, b.Upper, b.Situations })]);

    public Table Summary => new(
        "income_summary",
        [Column.Count("situations"), Column.Count("zero"), Column.Derived("share_zero", "zero"), Column.Count("positive"),
            Column.Number("q1_positive"), Column.Number("median_positive"), Column.Number("q3_positive"), Column.Text("median_year")],
        [[Situations, Zero, ShareZero, Positive, FirstQuartile, Median, ThirdQuartile, MedianYear?.ToString(CultureInfo.InvariantCulture)]]);

    public IReadOnlyList<Table> Tables => [Histogram, DensityTable, Summary];
}

/// <summary>The income question: "en grande majorité nuls", then a peak near the annual minimum wage.</summary>
public sealed class Income : IAnalysis<IncomeResult>
{
    public const double BinWidth = 5000;
    public const double HistogramMax = 50000;
    public const double DensityWidth = 500;
    public const double DensityMax = 60000;

    // < 0, 0, ten bins of 5,000, > 50,000.
    private const int Steps = (int)(HistogramMax / BinWidth);
    private const int DensityBins = (int)(DensityMax / DensityWidth);

    private readonly long[] _bins = new long[Steps + 3];
    private readonly long[] _density = new long[DensityBins];
    private readonly BinnedValues _positive = new(0, 10, 20000);
    private readonly Dictionary<int, long> _years = [];
    private long _situations;
    private long _aboveDensity;

    public static IncomeResult Analyse(IEnumerable<Observation> observations) => Pass.Run(new Income(), observations);

    /// <summary>Situations need no commune here: they are not enriched.</summary>
    public static IncomeResult Analyse(IEnumerable<Situation> situations) =>
        Pass.Run(new Income(), situations.Select(s => new Observation(s, Location.Unknown)));

    /// <summary>The sum over the last 12 months of every member's monthly amounts, rounded to the cent.</summary>
    public static double HouseholdIncome(Situation situation) => HouseholdIncome(situation, LastTwelveMonths.Before(situation.Month));

    public void Add(in Observation observation)
    {
        var situation = observation.Situation;
        var date = situation.Date;
        _situations++;
        CollectionsMarshal.GetValueRefOrAddDefault(_years, date.Year, out _)++;

        var income = HouseholdIncome(situation, LastTwelveMonths.Before(YearMonth.Of(date)));
        _bins[HistogramIndex(income)]++;
        if (income <= 0)
        {
            return;
        }

        _positive.Add(income);
        if (income <= DensityMax)
        {
            _density[(int)Math.Ceiling(income / DensityWidth) - 1]++;
        }
        else
        {
            _aboveDensity++;
        }
    }

    public IncomeResult Result()
    {
        var bins = new List<IncomeBin>(_bins.Length)
        {
            new("< 0", null, 0, _bins[0], Shares.Of(_bins[0], _situations)),
            new(IncomeResult.ZeroBin, 0, 0, _bins[1], Shares.Of(_bins[1], _situations)),
        };
        for (var i = 0; i < Steps; i++)
        {
            var (lower, upper) = (i * BinWidth, (i + 1) * BinWidth);
            bins.Add(new(string.Create(CultureInfo.InvariantCulture, $"({lower}, {upper}]"), lower, upper, _bins[i + 2], Shares.Of(_bins[i + 2], _situations)));
        }

        bins.Add(new(string.Create(CultureInfo.InvariantCulture, $"> {HistogramMax}"), HistogramMax, null, _bins[^1], Shares.Of(_bins[^1], _situations)));
        var density = Enumerable.Range(0, DensityBins).Select(i => new IncomeDensityBin(i * DensityWidth, (i + 1) * DensityWidth, _density[i])).ToList();
        return new IncomeResult(_situations, bins, density, _aboveDensity, _positive.Count,
            _positive.Quantile(0.25), _positive.Quantile(0.5), _positive.Quantile(0.75), MedianYear());
    }

    private static double HouseholdIncome(Situation situation, LastTwelveMonths window)
    {
        var total = 0.0;
        foreach (var individual in situation.Individuals)
        {
            foreach (var resource in individual.Resources)
            {
                if (window.Contains(resource.Month))
                {
                    total += resource.Amount;
                }
            }
        }

        // Spread legacy months are fractions ((annual − last 3 months) / 9): a household at 0 must land in "0".
        return Math.Round(total, 2, MidpointRounding.AwayFromZero);
    }

    private static int HistogramIndex(double income) =>
        income < 0 ? 0
        : income == 0 ? 1
        : income <= HistogramMax ? 1 + (int)Math.Ceiling(income / BinWidth)
        : Steps + 2;

    /// <summary>The lower median of the years of the situations' dates.</summary>
    private int? MedianYear()
    {
        var half = (_situations + 1) / 2;
        var seen = 0L;
        foreach (var (year, count) in _years.OrderBy(p => p.Key))
        {
            seen += count;
            if (seen >= half)
            {
                return year;
            }
        }

        return null;
    }
}
