using System.Text.Json;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Charts;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Tests.TestSupport;
using Plotly.NET;

namespace MesAides.Analytics.Tests.Charts;

public sealed class ResourceIncomeAgeRentChartsTests
{
    private const string Script = "<script>alert(1)</script>";

    private static JsonElement Figure(GenericChart chart)
    {
        var fragment = ChartHtml.Fragment(chart, "x");
        Assert.DoesNotContain("http", fragment, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>alert", fragment, StringComparison.Ordinal);
        return JsonDocument.Parse(chart.ToFigureJson()).RootElement;
    }

    private static JsonElement Trace(JsonElement figure, int index = 0) => figure.GetProperty("data")[index];

    private static double[] Numbers(JsonElement trace, string axis) => [.. trace.GetProperty(axis).EnumerateArray().Select(v => v.GetDouble())];

    private static string[] Texts(JsonElement trace, string axis) => [.. trace.GetProperty(axis).EnumerateArray().Select(v => v.GetString()!)];

    private static ResourceResult Resources() => new(
        [new("salaire_net", 50, 0.5), new("chomage_net", 30, 0.3), new(Script, 20, 0.2), new("af", 10, 0.1), new("rsa", 5, 0.05)],
        100, 80, 7);

    [Fact]
    public void Top_resources_are_horizontal_bars_of_shares_most_declared_on_top_with_names_escaped()
    {
        var result = Resources();
        var trace = Trace(Figure(ResourceCharts.Top(result, 3)));

        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal("h", trace.GetProperty("orientation").GetString());
        Assert.Equal([0.2, 0.3, 0.5], Numbers(trace, "x"));
        Assert.Equal(["&lt;script&gt;alert(1)&lt;/script&gt;", "Chômage", "Salaire"], Texts(trace, "y"));
    }

    [Fact]
    public void Resources_without_the_top_two_start_at_the_third()
    {
        var result = Resources();
        var figure = Figure(ResourceCharts.WithoutTopTwo(result));
        var trace = Trace(figure);

        Assert.Equal([0.05, 0.1, 0.2], Numbers(trace, "x"));
        Assert.Equal(["RSA", "Allocations familiales", "&lt;script&gt;alert(1)&lt;/script&gt;"], Texts(trace, "y"));
        Assert.Contains("Salaire et Chômage", figure.GetProperty("layout").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Income_histogram_shows_the_shares_of_every_bin()
    {
        var result = Income.Analyse([
            Some.Situation(individuals: [Some.Individual(resources: [Some.Monthly("salaire_net", "2016-02", 1200)])]),
            Some.Situation(individuals: [Some.Individual()]),
        ]);
        var trace = Trace(Figure(IncomeCharts.Histogram(result)));

        Assert.Equal(result.Bins.Select(b => b.Share), Numbers(trace, "y"));
        Assert.Equal(13, Texts(trace, "x").Length);
        Assert.Equal("&lt; 0 €", Texts(trace, "x")[0]);
        Assert.Equal(0.5, Numbers(trace, "y")[1]);
    }

    [Fact]
    public void Income_density_marks_the_minimum_wage_of_the_median_year()
    {
        var result = Income.Analyse([
            Some.Situation(individuals: [Some.Individual(resources: [Some.Monthly("salaire_net", "2016-02", 13000)])]),
        ]);
        var figure = Figure(IncomeCharts.Density(result));
        var trace = Trace(figure);

        Assert.Equal(result.Density.Select(b => (double)b.Situations), Numbers(trace, "y"));
        Assert.Equal(result.Density.Select(b => b.Lower + 250), Numbers(trace, "x"));
        var shape = figure.GetProperty("layout").GetProperty("shapes")[0];
        Assert.Equal(13724.64, shape.GetProperty("x0").GetDouble());
        Assert.Equal("dash", shape.GetProperty("line").GetProperty("dash").GetString());
        var labels = figure.GetProperty("layout").GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Contains(MinimumWage.Label(2016, 13724.64), labels);
    }

    [Fact]
    public void Income_density_takes_a_given_minimum_wage_and_year()
    {
        var result = Income.Analyse([Some.Situation()]);
        var figure = Figure(IncomeCharts.Density(result, 15228, 2022));

        Assert.Equal(15228, figure.GetProperty("layout").GetProperty("shapes")[0].GetProperty("x0").GetDouble());
        Assert.Contains("SMIC net annuel 2022 : 15\u202F228\u00A0€", figure.GetProperty("layout").GetRawText().Replace("\\u202F", "\u202F", StringComparison.OrdinalIgnoreCase).Replace("\\u00A0", "\u00A0", StringComparison.OrdinalIgnoreCase), StringComparison.Ordinal);
    }

    [Fact]
    public void Age_bands_are_stacked_one_trace_per_role()
    {
        var result = AgesAndHouseholds.Analyse([
            Some.Situation(individuals: [Some.Individual(age: 30), Some.Individual("c", "conjoint", age: 31), Some.Individual("e", "enfant", age: 3)]),
            Some.Situation(individuals: [Some.Individual(age: 70)]),
        ]);
        var figure = Figure(AgeCharts.Bands(result));

        Assert.Equal(4, figure.GetProperty("data").GetArrayLength());
        var demandeurs = Trace(figure, 0);
        Assert.Equal("Demandeur", demandeurs.GetProperty("name").GetString());
        Assert.Equal(["0-9", "10-17", "18-24", "25-39", "40-59", "60-74", "75+", "inconnu"], Texts(demandeurs, "x"));
        Assert.Equal([0.0, 0, 0, 1, 0, 1, 0, 0], Numbers(demandeurs, "y"));
        Assert.Equal([1.0, 0, 0, 0, 0, 0, 0, 0], Numbers(Trace(figure, 2), "y"));
        Assert.Equal("stack", figure.GetProperty("layout").GetProperty("barmode").GetString());
    }

    [Fact]
    public void Children_chart_shows_the_shares_of_households()
    {
        var result = AgesAndHouseholds.Analyse([
            Some.Situation(individuals: [Some.Individual()]),
            Some.Situation(individuals: [Some.Individual(), Some.Individual("e", "enfant", age: 2)]),
            Some.Situation(individuals: [Some.Individual(), Some.Individual("e", "enfant", age: 2)]),
            Some.Situation(individuals: [Some.Individual(), Some.Individual("c", "conjoint")]),
        ]);
        var trace = Trace(Figure(AgeCharts.Children(result)));

        Assert.Equal(["0", "1", "2", "3", "4+"], Texts(trace, "x"));
        Assert.Equal([0.5, 0.5, 0, 0, 0], Numbers(trace, "y"));
    }

    [Fact]
    public void Rent_distribution_has_one_bar_per_50_euro_bin_and_the_median_marked()
    {
        var result = Rent.Analyse([
            Some.Situation(household: Some.Household(loyer: 400)),
            Some.Situation(household: Some.Household(loyer: 450)),
            Some.Situation(household: Some.Household(loyer: 500)),
        ]);
        var figure = Figure(RentCharts.Distribution(result));
        var trace = Trace(figure);

        Assert.Equal(result.Bins.Select(b => (double)b.Situations), Numbers(trace, "y"));
        Assert.Equal(result.Bins.Select(b => b.Lower + 25), Numbers(trace, "x"));
        Assert.Equal(450, figure.GetProperty("layout").GetProperty("shapes")[0].GetProperty("x0").GetDouble(), 9);
    }

    [Fact]
    public void Rent_by_departement_shows_medians_most_tenants_on_top_with_names_escaped()
    {
        var result = new RentResult(10, 9, 0, [], null, null, null, null, [
            new DepartementRent("31", "Haute-Garonne", 5, 520, 540),
            new DepartementRent("99", Script, 3, 610, 600),
            new DepartementRent("64", "Pyrénées-Atlantiques", 1, 430, 430),
        ]);
        var trace = Trace(Figure(RentCharts.ByDepartement(result, top: 2)));

        Assert.Equal([610.0, 520], Numbers(trace, "x"));
        Assert.Equal(["99 &lt;script&gt;alert(1)&lt;/script&gt;", "31 Haute-Garonne"], Texts(trace, "y"));
    }

    [Fact]
    public void Charts_of_the_sample_render_offline()
    {
        var kept = Some.KeptSample;
        var resources = ResourceUsage.Analyse(kept);
        var income = Income.Analyse(kept);
        var ages = AgesAndHouseholds.Analyse(kept);
        var rent = Rent.Analyse(kept);

        foreach (var chart in new[]
        {
            ResourceCharts.Top(resources), ResourceCharts.WithoutTopTwo(resources), IncomeCharts.Histogram(income), IncomeCharts.Density(income),
            AgeCharts.Bands(ages), AgeCharts.Children(ages), RentCharts.Distribution(rent), RentCharts.ByDepartement(rent),
        })
        {
            var figure = Figure(chart);
            Assert.True(figure.GetProperty("data").GetArrayLength() > 0);
            Assert.Equal(Theme.FrenchSeparators, figure.GetProperty("layout").GetProperty("separators").GetString());
        }

        Assert.Equal(
            rent.Departements.Take(20).Reverse().Select(d => d.Median!.Value),
            Numbers(Trace(Figure(RentCharts.ByDepartement(rent))), "x"));
    }
}
