using System.Text.Json;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Charts;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Tests.TestSupport;
using Plotly.NET;

namespace MesAides.Analytics.Tests.Charts;

/// <summary>Housing, geography and audit charts carry their data, escape names, and load nothing remote.</summary>
public class CoreChartsTests
{
    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(chart.ToFigureJson()).RootElement;

    private static void AssertOffline(GenericChart chart)
    {
        var fragment = ChartHtml.Fragment(chart, "c");
        Assert.DoesNotContain("http", fragment, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", fragment, StringComparison.OrdinalIgnoreCase);
    }

    private static HousingResult SomeHousing() => Housing.Analyse(
    [
        Some.Situation(household: Some.Household(HousingCategory.Locataire, "locataire_hlm")),
        Some.Situation(household: Some.Household(HousingCategory.Locataire, "locataire_vide")),
        Some.Situation(household: Some.Household(HousingCategory.Proprietaire, "proprietaire")),
        Some.Situation(household: Some.Household(HousingCategory.SansDomicile, "sans_domicile")),
        Some.Situation(household: Some.Household(null, null)),
    ]);

    [Fact]
    public void Housing_donut_and_census_comparison_carry_the_counts_and_shares()
    {
        var result = SomeHousing();

        var donut = Figure(HousingCharts.Donut(result)).GetProperty("data")[0];
        Assert.Equal([2d, 1d, 0d, 1d], donut.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));

        var census = new Dictionary<HousingCategory, double> { [HousingCategory.Proprietaire] = 0.6, [HousingCategory.Locataire] = 0.38, [HousingCategory.Heberge] = 0.02 };
        var chart = HousingCharts.VersusCensus(result, census);
        var traces = Figure(chart).GetProperty("data");
        Assert.Equal([0.5, 0.25, 0, 0.25], traces[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([0.38, 0.6, 0.02, 0], traces[1].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Contains("sans domicile", chart.ToFigureJson(), StringComparison.Ordinal);
        AssertOffline(chart);
    }

    [Fact]
    public void Department_map_colours_every_outline_and_masks_small_counts()
    {
        var geography = GeographyUsage.Analyse(Cleaner.Default.Apply(SituationSource.Sample().Load()).Situations);
        var small = geography.Departements.First(d => d.Situations is > 0 and < 11);

        var chart = GeographyCharts.DepartementMap(geography, minCount: 11);
        var traces = Figure(chart).GetProperty("data").EnumerateArray().ToList();

        Assert.Equal(DepartementOutlines.Default.Rings.Count + 1, traces.Count);
        var smallTrace = traces.Single(t => t.TryGetProperty("name", out var n) && n.GetString() == small.Code);
        Assert.Contains("masqué", smallTrace.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("#eeeeee", smallTrace.GetProperty("fillcolor").GetString());
        var paris = traces.Single(t => t.TryGetProperty("name", out var n) && n.GetString() == "75");
        var per10000 = geography.Departements.Single(d => d.Code == "75").Per10000!.Value;
        Assert.Contains(per10000.ToString("N1", Theme.French), paris.GetProperty("text").GetString(), StringComparison.Ordinal);
        AssertOffline(chart);
    }

    [Fact]
    public void Commune_names_are_escaped_in_charts_and_in_the_html_fragment()
    {
        const string Evil = "<script>alert(1)</script>";
        var geography = Geography.Create(
            [new Commune("99001", Evil, "99", "99", 1000, ["99100"])],
            [],
            new Dictionary<string, string> { ["99"] = "D" },
            new Dictionary<string, string> { ["99"] = "R" });
        var situations = Enumerable.Range(0, 3).Select(_ => Some.Situation(household: Some.Household(postalCode: "99100", insee: "99001"))).ToList();
        var result = GeographyUsage.Analyse(situations, geography);

        var chart = GeographyCharts.TopCommunes(result);
        var fragment = ChartHtml.Fragment(chart, "c");

        Assert.Equal(3, result.Communes.Single().Situations);
        Assert.DoesNotContain("<script>alert", fragment, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; (99001)", Figure(chart).GetProperty("data")[0].GetProperty("y")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_chart_has_a_bar_per_rule_and_rejection_and_the_kept_count()
    {
        var clean = Cleaner.Default.Apply(SituationSource.Open(Paths.Fixture("bad/wrong-types.jsonl")).Load());

        var bars = Figure(AuditCharts.Removed(clean.Audit)).GetProperty("data")[0];

        var labels = bars.GetProperty("y").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Equal(CleaningRules.All.Length + 2, labels.Count);
        Assert.Equal(["kept", .. CleaningRules.All.Reverse(), "rejected:wrong-type"], labels);
        Assert.Equal(clean.Audit.Kept, bars.GetProperty("x")[0].GetDouble());
    }

    [Fact]
    public void A_saved_chart_is_a_self_contained_offline_file()
    {
        var path = Path.Combine(Paths.TempDirectory(), "chart.html");

        ChartHtml.Save(HousingCharts.Donut(SomeHousing()), path, "Logement");

        var html = File.ReadAllText(path);
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script[^>]+src=", html);
        Assert.True(html.Length > 3_000_000, "plotly.js is embedded");
    }
}
