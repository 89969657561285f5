using System.Text.Json;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Charts;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Tests.TestSupport;
using Plotly.NET;

namespace MesAides.Analytics.Tests.Charts;

/// <summary>Charts of time, visits, income correlation, question order and data quality, read back as plotly.js JSON.</summary>
public sealed class TimeQualityIncomeChartsTests
{
    private const string Script = "<script>alert(1)</script>";

    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(chart.ToFigureJson()).RootElement;

    private static JsonElement[] Traces(GenericChart chart) => [.. Figure(chart).GetProperty("data").EnumerateArray()];

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetDouble())];

    private static string[] Texts(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetString()!)];

    private static void AssertOffline(GenericChart chart)
    {
        var fragment = ChartHtml.Fragment(chart, "x");
        Assert.DoesNotContain("http", fragment, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>alert", fragment, StringComparison.Ordinal);
        Assert.StartsWith("<div id=\"x\"", fragment, StringComparison.Ordinal);
    }

    private static TimeResult Days(params int[] counts)
    {
        var situations = counts.SelectMany((n, day) => Enumerable.Range(0, n).Select(_ => Some.Situation(date: new DateOnly(2016, 3, 1).AddDays(day))));
        return TimeUsage.Analyse(situations);
    }

    [Fact]
    public void Daily_has_the_counts_and_a_7_day_moving_average()
    {
        var chart = TimeCharts.Daily(Days(1, 2, 3, 4, 5, 6, 7, 8, 0, 9));
        var traces = Traces(chart);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 0, 9], Numbers(traces[0].GetProperty("y")));
        // (1 + … + 7) / 7 = 4, (2 + … + 8) / 7 = 5, (3 + … + 8 + 0) / 7 = 33/7, (4 + … + 8 + 0 + 9) / 7 = 39/7, from the 7th day.
        Assert.Equal([4, 5, 33.0 / 7, 39.0 / 7], Numbers(traces[1].GetProperty("y")));
        Assert.StartsWith("2016-03-07", traces[1].GetProperty("x")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(10, traces[0].GetProperty("x").GetArrayLength());
        Assert.Contains("Situations simulées par jour", Figure(chart).GetProperty("layout").GetRawText(), StringComparison.Ordinal);
        AssertOffline(chart);
    }

    [Fact]
    public void Moving_average_by_hand()
    {
        Assert.Equal([2, 3], TimeCharts.MovingAverage([1, 2, 3, 4], 3));
        Assert.Empty(TimeCharts.MovingAverage([1, 2], 3));
    }

    [Fact]
    public void Weekly_and_monthly_are_columns_of_the_counts()
    {
        var result = Days(1, 0, 0, 0, 0, 0, 2);    // Tuesday 1 March and Monday 7 March 2016
        var weekly = Traces(TimeCharts.Weekly(result)).Single();
        Assert.Equal("bar", weekly.GetProperty("type").GetString());
        Assert.Equal([1, 2], Numbers(weekly.GetProperty("y")));
        Assert.StartsWith("2016-02-29", weekly.GetProperty("x")[0].GetString(), StringComparison.Ordinal);

        var monthly = Traces(TimeCharts.Monthly(result)).Single();
        Assert.Equal([3], Numbers(monthly.GetProperty("y")));
        AssertOffline(TimeCharts.Monthly(result));
    }

    [Fact]
    public void Weekday_hour_heat_map_in_french_with_24_hours()
    {
        var result = TimeUsage.Analyse([
            Some.At(Some.Paris(2016, 3, 14, 9, 30)),    // Monday 9 h
            Some.At(Some.Paris(2016, 3, 20, 23, 5)),    // Sunday 23 h
            Some.At(Some.Paris(2016, 3, 20, 23, 50)),
            Some.At(ParisTime.Midnight(new DateOnly(2016, 3, 16))),
        ]);
        var chart = TimeCharts.WeekdayHour(result);
        var trace = Traces(chart).Single();

        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"], Texts(trace.GetProperty("y")));
        Assert.Equal(24, trace.GetProperty("x").GetArrayLength());
        var z = trace.GetProperty("z");
        Assert.Equal(1, z[0][9].GetDouble());
        Assert.Equal(2, z[6][23].GetDouble());
        Assert.Equal(3, z.EnumerateArray().Sum(row => Numbers(row).Sum()));
        Assert.Contains("sans heure", chart.ToFigureJson(), StringComparison.Ordinal);     // the midnight one, in the note
        AssertOffline(chart);
    }

    [Fact]
    public void Visits_on_a_second_axis_with_divergent_days_marked()
    {
        var situations = Enumerable.Range(1, 9).SelectMany(d => Enumerable.Range(0, 1).Select(_ => Some.Situation(date: new DateOnly(2016, 3, d))))
            .Concat(Enumerable.Range(0, 10).Select(_ => Some.Situation(date: new DateOnly(2016, 3, 10))));
        var visits = new VisitsData("v.csv", "date", "nb_visits", [.. Enumerable.Range(1, 10).Select(d => (new DateOnly(2016, 3, d), 10L))], 10, 0, []);
        var chart = TimeCharts.WithVisits(VisitsComparison.Analyse(situations, visits));
        var traces = Traces(chart);

        Assert.Equal(3, traces.Length);
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 1, 10], Numbers(traces[0].GetProperty("y")));
        Assert.Equal(Enumerable.Repeat(10.0, 10), Numbers(traces[1].GetProperty("y")));
        Assert.Equal("y2", traces[1].GetProperty("yaxis").GetString());
        Assert.Equal([10], Numbers(traces[2].GetProperty("y")));
        Assert.StartsWith("2016-03-10", traces[2].GetProperty("x")[0].GetString(), StringComparison.Ordinal);
        var layout = Figure(chart).GetProperty("layout");
        Assert.Equal("y", layout.GetProperty("yaxis2").GetProperty("overlaying").GetString());
        Assert.Equal("right", layout.GetProperty("yaxis2").GetProperty("side").GetString());
        AssertOffline(chart);
    }

    private static IncomeCorrelationResult Income()
    {
        Commune Fake(string insee, string name, string region) => new(insee, name, "00", region, 1000, []);
        CommuneIncome[] communes =
        [
            new(Fake("00001", "Paris " + Script, "11"), 5, 50, 30000),
            new(Fake("00002", "Bourg & Cie", "84"), 1, 10, 18000),
            new(Fake("00003", "Ville", "84"), 2, 20, 20000),
        ];
        return new IncomeCorrelationResult("MED19", 2019, 100, communes,
        [
            new("all", "Toutes les communes", new Correlation(3, 0.5, new Interval(0.1, 0.8), 0.4, new Interval(-0.2, 0.9))),
            new("above_threshold", "Au-delà du seuil", Correlation.Empty(0)),
            new("ile_de_france", "Île-de-France", Correlation.Empty(1)),
            new("outside_ile_de_france", "Hors Île-de-France", new Correlation(2, 1, null, 1, null)),
        ], 3, 0, 0);
    }

    [Fact]
    public void Scatter_puts_ile_de_france_apart_and_escapes_commune_names()
    {
        var chart = CorrelationCharts.Scatter(Income());
        var traces = Traces(chart);

        Assert.Equal(["Autres régions", "Île-de-France"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([18000, 20000], Numbers(traces[0].GetProperty("x")));
        Assert.Equal([10, 20], Numbers(traces[0].GetProperty("y")));
        Assert.Equal([30000], Numbers(traces[1].GetProperty("x")));
        Assert.Equal(["Paris &lt;script&gt;alert(1)&lt;/script&gt; (00001)"], Texts(traces[1].GetProperty("text")));
        Assert.Equal("Bourg &amp; Cie (00002)", traces[0].GetProperty("text")[0].GetString());
        Assert.NotEqual(traces[0].GetProperty("marker").GetProperty("color").GetString(), traces[1].GetProperty("marker").GetProperty("color").GetString());
        AssertOffline(chart);

        var above = Traces(CorrelationCharts.Scatter(Income(), aboveThresholdOnly: true));
        Assert.Equal(0, above.Sum(t => t.GetProperty("x").GetArrayLength()));
    }

    [Fact]
    public void Coefficients_with_their_intervals_as_error_bars()
    {
        var chart = CorrelationCharts.Coefficients(Income());
        var traces = Traces(chart);

        Assert.Equal(["Pearson", "Spearman"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["Toutes les communes", "Hors Île-de-France"], Texts(traces[0].GetProperty("x")));   // groups without a coefficient are not drawn
        Assert.Equal([0.5, 1], Numbers(traces[0].GetProperty("y")));
        var error = traces[0].GetProperty("error_y");
        Assert.Equal(0.3, error.GetProperty("array")[0].GetDouble(), 9);        // 0.8 − 0.5
        Assert.Equal(0.4, error.GetProperty("arrayminus")[0].GetDouble(), 9);   // 0.5 − 0.1
        Assert.Equal(0, error.GetProperty("array")[1].GetDouble());
        Assert.Equal([0.4, 1], Numbers(traces[1].GetProperty("y")));
        Assert.Equal(0.6, traces[1].GetProperty("error_y").GetProperty("arrayminus")[0].GetDouble(), 9);
        AssertOffline(chart);
    }

    [Fact]
    public void Question_positions_for_both_orders()
    {
        var result = QuestionOrder.Analyse([
            Some.Situation(household: Some.Household(HousingCategory.Proprietaire, "proprietaire")),
            Some.Situation(household: Some.Household(HousingCategory.Proprietaire, "proprietaire")),
            Some.Situation(household: Some.Household(HousingCategory.Locataire)),
        ]);
        var chart = QuestionOrderCharts.Positions(result);
        var traces = Traces(chart);

        // Form: (2 + 2 + 1) / 3; by frequency: Propriétaire first, (1 + 1 + 2) / 3. No resources declared: one question.
        Assert.Equal(["Type de logement"], Texts(traces[0].GetProperty("x")));
        Assert.Equal(5.0 / 3, traces[0].GetProperty("y")[0].GetDouble(), 12);
        Assert.Equal(4.0 / 3, traces[1].GetProperty("y")[0].GetDouble(), 12);
        AssertOffline(chart);
    }

    [Fact]
    public void Missing_values_heat_map_field_by_format()
    {
        var result = DataQuality.Analyse([
            Some.Situation(format: StorageFormat.A, household: Some.Household(postalCode: null)),
            Some.Situation(format: StorageFormat.A),
            Some.Situation(format: StorageFormat.B, household: Some.Household(postalCode: null)),
        ]);
        var chart = QualityCharts.Missing(result);
        var trace = Traces(chart).Single();

        Assert.Equal(["Format A", "Format B", "Ensemble"], Texts(trace.GetProperty("x")));
        var fields = Texts(trace.GetProperty("y"));
        Assert.Equal(DataQuality.Fields.Count, fields.Length);
        var postal = Array.IndexOf(fields, "Code postal");
        Assert.Equal([0.5, 1, 2.0 / 3], Numbers(trace.GetProperty("z")[postal]));
        Assert.Equal("1 sur 2", trace.GetProperty("text")[postal][0].GetString());
        AssertOffline(chart);
    }
}
