using System.Collections.Frozen;
using System.Globalization;
using CsvHelper;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Reference;

/// <summary>
/// Communes, their old codes, postal codes, départements and régions (decoupage-administratif 6.0.0 and
/// codes-postaux 4.1.2, see <c>data/reference/README.md</c>), embedded in the library.
/// </summary>
public sealed class Geography
{
    private readonly FrozenDictionary<string, Commune> _communes;
    private readonly FrozenDictionary<string, string> _aliases;
    private readonly FrozenDictionary<string, Commune[]> _byPostalCode;

    private Geography(IEnumerable<Commune> communes, IEnumerable<KeyValuePair<string, string>> aliases, IReadOnlyDictionary<string, string> departements, IReadOnlyDictionary<string, string> regions)
    {
        _communes = communes.ToFrozenDictionary(c => c.Insee, StringComparer.Ordinal);
        _aliases = aliases.ToFrozenDictionary(StringComparer.Ordinal);
        _byPostalCode = _communes.Values
            .SelectMany(c => c.PostalCodes.Select(p => (Postal: p, Commune: c)))
            .GroupBy(x => x.Postal, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.Select(x => x.Commune).OrderByDescending(c => c.Population ?? 0).ThenBy(c => c.Insee, StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
        DepartementNames = departements;
        RegionNames = regions;
    }

    private static readonly Lazy<Geography> Embedded = new(LoadEmbedded);

    /// <summary>A reference of one's own (another vintage of the communes, or a small one for tests).</summary>
    public static Geography Create(IEnumerable<Commune> communes, IEnumerable<KeyValuePair<string, string>> aliases, IReadOnlyDictionary<string, string> departements, IReadOnlyDictionary<string, string> regions) =>
        new(communes, aliases, departements, regions);

    /// <summary>The committed reference data (loaded once, read-only, shared).</summary>
    public static Geography Default => Embedded.Value;

    public IReadOnlyCollection<Commune> Communes => _communes.Values;

    public IReadOnlyDictionary<string, string> DepartementNames { get; }

    public IReadOnlyDictionary<string, string> RegionNames { get; }

    public Commune? Find(string insee) => _communes.GetValueOrDefault(insee);

    /// <summary>A stored INSEE code, old or current, to today's commune.</summary>
    public Commune? FindCurrent(string insee) =>
        _communes.GetValueOrDefault(insee) ?? (_aliases.TryGetValue(insee, out var current) ? _communes.GetValueOrDefault(current) : null);

    /// <summary>The communes of a postal code, most populous first.</summary>
    public IReadOnlyList<Commune> ByPostalCode(string postalCode) => _byPostalCode.GetValueOrDefault(postalCode) ?? [];

    /// <summary>INSEE code first (old codes mapped to today's commune), else the postal code.</summary>
    public Location Resolve(Household household)
    {
        if (household.Insee is { } insee && FindCurrent(insee) is { } commune)
        {
            return new Location(commune, Resolution.Insee);
        }

        if (household.PostalCode is { } postal && _byPostalCode.TryGetValue(postal, out var candidates))
        {
            return new Location(candidates[0], candidates.Length == 1 ? Resolution.PostalUnique : Resolution.PostalAmbiguous);
        }

        return Location.Unknown;
    }

    private static Geography LoadEmbedded()
    {
        var communes = ReferenceFiles.Rows("communes.csv").Select(r => new Commune(
            r["insee"], r["nom"], r["departement"], r["region"],
            long.TryParse(r["population"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null,
            r["postal_codes"].Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        var aliases = ReferenceFiles.Rows("commune_aliases.csv").Select(r => KeyValuePair.Create(r["code"], r["insee"]));
        var departements = ReferenceFiles.Rows("departements.csv").ToDictionary(r => r["departement"], r => r["nom"], StringComparer.Ordinal);
        var regions = ReferenceFiles.Rows("regions.csv").ToDictionary(r => r["region"], r => r["nom"], StringComparer.Ordinal);
        return new Geography(communes, aliases, departements, regions);
    }
}

/// <summary>Reads the CSV files of <c>data/reference/</c> embedded in the library.</summary>
internal static class ReferenceFiles
{
    public static Stream Open(string file) =>
        typeof(ReferenceFiles).Assembly.GetManifestResourceStream("MesAides.Analytics.Reference." + file)
        ?? throw new InvalidOperationException($"reference file {file} is missing from this build (data/reference/)");

    /// <summary>Each row as column → value (all text: codes keep their leading zeros).</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Rows(string file)
    {
        using var reader = CsvReader.Create(Open(file), new CsvReaderOptions { Separator = ',' });
        reader.ReadHeader();
        var headers = reader.Headers.ToArray();
        while (reader.Read())
        {
            var row = new Dictionary<string, string>(headers.Length, StringComparer.Ordinal);
            for (var i = 0; i < headers.Length; i++)
            {
                row[headers[i]] = reader.GetString(i) ?? string.Empty;
            }

            yield return row;
        }
    }
}
