using System.Text.RegularExpressions;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Charts;
using MesAides.Analytics.Interactive;
using MesAides.Analytics.Notebooks.Tests.TestSupport;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Notebooks.Tests.Interactive;

public sealed class NotebookChartsTests
{
    private const string PlotlyBanner = "plotly.js v2.28.0";

    private static Plotly.NET.GenericChart Chart(string label) =>
        CS.Chart.Column<double, string, string>([1.0], Keys: new[] { label }, UseDefaults: false).WithTitle(label);

    [Fact]
    public void The_first_chart_carries_plotly_js_guarded_and_later_ones_only_their_plot()
    {
        var charts = new NotebookCharts();

        var first = charts.Html(Chart("a"));
        var second = charts.Html(Chart("b"));

        Assert.Equal(1, Regex.Count(first, Regex.Escape(PlotlyBanner)));
        Assert.Contains("if (!window.Plotly)", first, StringComparison.Ordinal);
        Assert.Contains("window.define = undefined", first, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(\"chart-1\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain(PlotlyBanner, second, StringComparison.Ordinal);
        Assert.StartsWith("<div id=\"chart-2\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_is_the_library_fragment_with_a_counted_id()
    {
        var charts = new NotebookCharts();
        var chart = Chart("a");
        _ = charts.Html(chart);

        Assert.Equal(ChartHtml.Fragment(chart, "chart-2"), charts.Html(chart));
    }

    [Fact]
    public void A_new_sequence_starts_again_at_chart_1_with_plotly_js()
    {
        _ = new NotebookCharts().Html(Chart("a"));

        var again = new NotebookCharts().Html(Chart("a"));

        Assert.Contains(PlotlyBanner, again, StringComparison.Ordinal);
        Assert.Contains("<div id=\"chart-1\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_end_in_chart_data_cannot_close_the_script()
    {
        var html = new NotebookCharts().Html(Chart("</script><script>alert(1)</script>"));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        // The guard script and the plot script: nothing else closes a script.
        Assert.Equal(2, Regex.Count(html, "</script>", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void The_same_chart_gives_the_same_html()
    {
        var housing = Housing.Analyse([Build.Situation("a"), Build.Situation("b")]);

        Assert.Equal(new NotebookCharts().Html(HousingCharts.Donut(housing)), new NotebookCharts().Html(HousingCharts.Donut(housing)));
    }
}
