using System.Globalization;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Reference;

/// <summary>
/// INSEE census 2012, main residences by occupancy status (France métropolitaine, see
/// <c>data/reference/README.md</c>). The census has no homeless category: it counts dwellings.
/// </summary>
public static class Census
{
    private static readonly Lazy<IReadOnlyDictionary<HousingCategory, double>> Embedded = new(() => Read(ReferenceFiles.Rows("housing_census_2012.csv")));

    public static IReadOnlyDictionary<HousingCategory, double> Housing2012 => Embedded.Value;

    /// <summary>A replacement table in the same form (<c>category,share</c>), supplied by the user.</summary>
    public static IReadOnlyDictionary<HousingCategory, double> ReadHousing(string path) =>
        Read(File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(p => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["category"] = p[0], ["share"] = p[1] }));

    private static Dictionary<HousingCategory, double> Read(IEnumerable<IReadOnlyDictionary<string, string>> rows) =>
        rows.ToDictionary(
            r => HousingCategories.FromLabel(r["category"]) ?? throw new FormatException("empty census category"),
            r => double.Parse(r["share"], CultureInfo.InvariantCulture));
}
