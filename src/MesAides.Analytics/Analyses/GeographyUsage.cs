using System.Runtime.InteropServices;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Reference;

namespace MesAides.Analytics.Analyses;

/// <summary>Usage of one area: situations, population, situations per 10,000 inhabitants.</summary>
public sealed record AreaUsage(string Code, string Name, long Situations, long? Population)
{
    public double? Per10000 => Population is > 0 ? Situations * 10000.0 / Population.Value : null;
}

/// <summary>Usage of one commune, with how its situations were located.</summary>
public sealed record CommuneUsage(Commune Commune, long Situations, long ByInsee, long ByPostalUnique, long ByPostalAmbiguous)
{
    public double? Per10000 => Commune.Population is > 0 ? Situations * 10000.0 / Commune.Population.Value : null;

    /// <summary>The way most of its situations were located.</summary>
    public Resolution MainResolution =>
        ByInsee >= ByPostalUnique && ByInsee >= ByPostalAmbiguous ? Resolution.Insee
        : ByPostalUnique >= ByPostalAmbiguous ? Resolution.PostalUnique
        : Resolution.PostalAmbiguous;
}

/// <summary>Where users live. Grain: one row per commune, département, région or postal code.</summary>
public sealed record GeographyResult(
    IReadOnlyList<CommuneUsage> Communes,
    IReadOnlyList<AreaUsage> Departements,
    IReadOnlyList<AreaUsage> Regions,
    IReadOnlyList<(string PostalCode, long Situations)> PostalCodes,
    IReadOnlyDictionary<Resolution, long> ByResolution) : ITabular
{
    public long Total => ByResolution.Values.Sum();

    public IEnumerable<CommuneUsage> TopCommunes(int n) => Communes.Take(n);

    public Table CommuneTable => new(
        "communes",
        [Column.Text("insee"), Column.Text("commune"), Column.Text("departement"), Column.Count("situations"), Column.Number("population"),
            Column.Derived("per_10000", "situations"), Column.Text("resolution"),
            Column.Count("by_insee"), Column.Count("by_postal_unique"), Column.Count("by_postal_ambiguous")],
        [.. Communes.Select(c => new object?[] { c.Commune.Insee, c.Commune.Name, c.Commune.Departement, c.Situations, c.Commune.Population,
            c.Per10000, c.MainResolution.Id(), c.ByInsee, c.ByPostalUnique, c.ByPostalAmbiguous })]);

    public Table DepartementTable => AreaTable("departements", "departement", Departements);

    public Table RegionTable => AreaTable("regions", "region", Regions);

    public Table PostalCodeTable => new(
        "postal_codes",
        [Column.Text("postal_code"), Column.Count("situations")],
        [.. PostalCodes.Select(p => new object?[] { p.PostalCode, p.Situations })]);

    public Table ResolutionTable => new(
        "resolution",
        [Column.Text("resolution"), Column.Count("situations"), Column.Derived("share", "situations")],
        [.. Enum.GetValues<Resolution>().Select(r => new object?[] { r.Id(), ByResolution.GetValueOrDefault(r), Shares.Of(ByResolution.GetValueOrDefault(r), Total) })]);

    public IReadOnlyList<Table> Tables => [CommuneTable, DepartementTable, RegionTable, PostalCodeTable, ResolutionTable];

    private static Table AreaTable(string name, string codeColumn, IReadOnlyList<AreaUsage> areas) => new(
        name,
        [Column.Text(codeColumn), Column.Text("nom"), Column.Count("situations"), Column.Number("population"), Column.Derived("per_10000", "situations")],
        [.. areas.Select(a => new object?[] { a.Code, a.Name, a.Situations, a.Population, a.Per10000 })]);
}

/// <summary>
/// Situations per commune (resolved as in cleaning: INSEE code, else postal code), département and
/// région, with populations from the reference data and rates per 10,000 inhabitants.
/// </summary>
public sealed class GeographyUsage(Geography geography) : IAnalysis<GeographyResult>
{
    private readonly Dictionary<string, long[]> _communes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _postalCodes = new(StringComparer.Ordinal);
    private readonly long[] _byResolution = new long[4];

    public static GeographyResult Analyse(IEnumerable<Observation> observations, Geography? geography = null) =>
        Pass.Run(new GeographyUsage(geography ?? Geography.Default), observations);

    public static GeographyResult Analyse(IEnumerable<Model.Situation> situations, Geography? geography = null) =>
        Pass.Run(new GeographyUsage(geography ?? Geography.Default), new Enricher(geography ?? Geography.Default).Enrich(situations));

    public void Add(in Observation observation)
    {
        var location = observation.Location;
        _byResolution[(int)location.Resolution]++;
        if (observation.Situation.Household.PostalCode is { } postal)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_postalCodes, postal, out _)++;
        }

        if (location.Commune is { } commune)
        {
            ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_communes, commune.Insee, out _);
            counts ??= new long[3];
            counts[(int)location.Resolution]++;
        }
    }

    public GeographyResult Result()
    {
        var communes = _communes
            .Select(p => new CommuneUsage(geography.Find(p.Key)!, p.Value.Sum(), p.Value[0], p.Value[1], p.Value[2]))
            .OrderByDescending(c => c.Situations).ThenBy(c => c.Commune.Insee, StringComparer.Ordinal)
            .ToList();

        var departements = Areas(communes, c => c.Departement, geography.DepartementNames);
        var regions = Areas(communes, c => c.Region, geography.RegionNames);
        var postal = _postalCodes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();
        return new GeographyResult(communes, departements, regions, postal, Enum.GetValues<Resolution>().ToDictionary(r => r, r => _byResolution[(int)r]));
    }

    /// <summary>Every area of the reference (with 0 where unused), its population summed over all its communes.</summary>
    private List<AreaUsage> Areas(List<CommuneUsage> used, Func<Commune, string> area, IReadOnlyDictionary<string, string> names)
    {
        var situations = used.GroupBy(c => area(c.Commune), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Situations), StringComparer.Ordinal);
        var population = geography.Communes.GroupBy(area, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Population ?? 0), StringComparer.Ordinal);
        return [.. names.Keys.Order(StringComparer.Ordinal).Select(code => new AreaUsage(code, names[code], situations.GetValueOrDefault(code), population.GetValueOrDefault(code)))];
    }
}
