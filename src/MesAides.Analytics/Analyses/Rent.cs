using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;

namespace MesAides.Analytics.Analyses;

/// <summary>A bin of the rent distribution: <c>Lower ≤ rent &lt; Upper</c> (the first bin leaves out 50 itself).</summary>
public sealed record RentBin(double Lower, double Upper, long Situations);

/// <summary>Tenants' rents in one département.</summary>
/// <param name="Median">Interpolated in 10 € bins: precise to within 10 € (see <see cref="BinnedValues"/>).</param>
/// <param name="Mean">Exact.</param>
public sealed record DepartementRent(string Departement, string Name, long Situations, double? Median, double? Mean);

/// <summary>
/// Tenants' monthly rent (50 € &lt; loyer &lt; 3,000 €, the original's range). Grain: one row per 50 € bin, and one
/// row per département with tenants.
/// </summary>
/// <param name="Tenants">Situations whose housing is <see cref="HousingCategory.Locataire"/>.</param>
/// <param name="InRange">Tenants with a rent in the range: everything below is about them.</param>
/// <param name="WithoutDepartement">Tenants in range whose commune is unknown: in the distribution, not per département.</param>
/// <param name="Median">Median and quartiles interpolated in 10 € bins: precise to within 10 €.</param>
public sealed record RentResult(
    long Tenants,
    long InRange,
    long WithoutDepartement,
    IReadOnlyList<RentBin> Bins,
    double? FirstQuartile,
    double? Median,
    double? ThirdQuartile,
    double? Mean,
    IReadOnlyList<DepartementRent> Departements) : ITabular
{
    public Table Distribution => new(
        "rent",
        [Column.Number("lower"), Column.Number("upper"), Column.Count("situations")],
        [.. Bins.Select(b => new object?[] { b.Lower, b.Upper, b.Situations })]);

    /// <summary>Départements with tenants, most tenants first, then by code.</summary>
    public Table DepartementTable => new(
        "rent_departements",
        [Column.Text("departement"), Column.Count("situations"), Column.Number("median"), Column.Number("mean")],
        [.. Departements.Select(d => new object?[] { d.Departement, d.Situations, d.Median, d.Mean })]);

    public Table Summary => new(
        "rent_summary",
        [Column.Count("tenants"), Column.Count("in_range"), Column.Derived("share_in_range", "in_range"), Column.Count("without_departement"),
            Column.Number("q1"), Column.Number("median"), Column.Number("q3"), Column.Number("mean")],
        [[Tenants, InRange, Shares.Of(InRange, Tenants), WithoutDepartement, FirstQuartile, Median, ThirdQuartile, Mean]]);

    public IReadOnlyList<Table> Tables => [Distribution, DepartementTable, Summary];
}

/// <summary>The rent question: how much tenants pay, overall and per département (the original's rent histogram).</summary>
public sealed class Rent(Geography geography) : IAnalysis<RentResult>
{
    public const double Min = 50;
    public const double Max = 3000;
    public const double BinWidth = 50;
    private const int BinCount = (int)((Max - Min) / BinWidth);

    private readonly long[] _bins = new long[BinCount];
    private readonly BinnedValues _all = ForRents();
    private readonly Dictionary<string, BinnedValues> _departements = new(StringComparer.Ordinal);
    private long _tenants;
    private long _withoutDepartement;

    public static RentResult Analyse(IEnumerable<Observation> observations, Geography? geography = null) =>
        Pass.Run(new Rent(geography ?? Geography.Default), observations);

    public static RentResult Analyse(IEnumerable<Situation> situations, Geography? geography = null) =>
        Pass.Run(new Rent(geography ?? Geography.Default), new Enricher(geography ?? Geography.Default).Enrich(situations));

    public void Add(in Observation observation)
    {
        var household = observation.Situation.Household;
        if (household.Category != HousingCategory.Locataire)
        {
            return;
        }

        _tenants++;
        // Written so that NaN is out of range too.
        if (household.Loyer is not { } loyer || !(loyer > Min && loyer < Max))
        {
            return;
        }

        _bins[(int)((loyer - Min) / BinWidth)]++;
        _all.Add(loyer);
        if (observation.Commune?.Departement is not { } departement)
        {
            _withoutDepartement++;
            return;
        }

        if (!_departements.TryGetValue(departement, out var values))
        {
            _departements[departement] = values = ForRents();
        }

        values.Add(loyer);
    }

    public RentResult Result()
    {
        var bins = Enumerable.Range(0, BinCount).Select(i => new RentBin(Min + (i * BinWidth), Min + ((i + 1) * BinWidth), _bins[i])).ToList();
        var departements = _departements
            .Select(p => new DepartementRent(p.Key, geography.DepartementNames.GetValueOrDefault(p.Key) ?? p.Key, p.Value.Count, p.Value.Quantile(0.5), p.Value.Mean))
            .OrderByDescending(d => d.Situations).ThenBy(d => d.Departement, StringComparer.Ordinal)
            .ToList();
        return new RentResult(_tenants, _all.Count, _withoutDepartement, bins, _all.Quantile(0.25), _all.Quantile(0.5), _all.Quantile(0.75), _all.Mean, departements);
    }

    /// <summary>10 € bins centred on multiples of 10 (declared rents are mostly round), from 45 to 3,005.</summary>
    private static BinnedValues ForRents() => new(Min - 5, 10, (int)((Max - Min) / 10) + 1);
}
