using MesAides.Analytics.Analyses;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Interactive;
using MesAides.Analytics.Notebooks.Tests.TestSupport;
using Microsoft.DotNet.Interactive.Formatting;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Notebooks.Tests.Interactive;

/// <summary>Touches the process-wide formatter registry: in the notebooks' collection.</summary>
[Collection(NotebookGroup.Name)]
public sealed class NotebookFormattersTests
{
    private static string Html(object value) => value.ToDisplayString(HtmlFormatter.MimeType);

    [Fact]
    public void Registered_formatters_render_tables_results_audits_and_dataframes()
    {
        NotebookFormatters.Register(maxRows: 7);
        var load = Build.Load([Build.Situation("a"), Build.Situation("b", commune: "<b>x</b>")]);
        var clean = Cleaner.Default.Apply(load);
        var housing = Housing.Analyse(clean.Situations);

        Assert.Equal(NotebookHtml.Tabular(housing, 7), Html(housing));
        Assert.Equal(NotebookHtml.Table(housing.Categories, 7), Html(housing.Categories));
        Assert.Equal(NotebookHtml.DataFrame(housing.Categories.ToDataFrame(), 7), Html(housing.Categories.ToDataFrame()));
        Assert.Equal(NotebookHtml.CleaningAudit(clean.Audit), Html(clean.Audit));
        Assert.Equal(NotebookHtml.LoadAudit(load.Audit), Html(load.Audit));
    }

    [Fact]
    public void Registering_again_starts_a_new_chart_sequence()
    {
        var chart = CS.Chart.Column<double, string, string>([1.0], Keys: new[] { "a" }, UseDefaults: false);
        NotebookFormatters.Register();
        _ = Html(chart);
        var second = Html(chart);

        NotebookFormatters.Register();
        var afterReset = Html(chart);

        Assert.Contains("<div id=\"chart-2\"", second, StringComparison.Ordinal);
        Assert.DoesNotContain("plotly.js v2.28.0", second, StringComparison.Ordinal);
        Assert.Contains("<div id=\"chart-1\"", afterReset, StringComparison.Ordinal);
        Assert.Contains("plotly.js v2.28.0", afterReset, StringComparison.Ordinal);
    }
}
