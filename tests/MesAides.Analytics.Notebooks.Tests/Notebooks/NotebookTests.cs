using System.Text.RegularExpressions;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Charts;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Notebooks.Tests.TestSupport;
using MesAides.Analytics.Reference;
using Microsoft.DotNet.Interactive.Documents;
using Plotly.NET;
using Xunit.Abstractions;

namespace MesAides.Analytics.Notebooks.Tests.Notebooks;

/// <summary>
/// Runs every notebook of <c>notebooks/</c> on the embedded sample, as a user would from the top, and checks
/// what it shows against the library called directly.
/// </summary>
[Collection(NotebookGroup.Name)]
public sealed class NotebookTests(NotebookRuns runs, ITestOutputHelper output)
{
    private const string PlotlyBanner = "plotly.js v2.28.0";
    private const string OptionalMark = "// optional:";

    /// <summary>One chart each notebook must show, computed here by calling the library on the sample directly.</summary>
    private static readonly Dictionary<string, Func<CleanResult, GenericChart>> LibraryCharts = new(StringComparer.Ordinal)
    {
        ["00-quickstart.ipynb"] = clean => HousingCharts.Donut(Housing.Analyse(clean.Situations)),
        ["01-load-and-clean.ipynb"] = clean => AuditCharts.Removed(clean.Audit),
        ["02-geography.ipynb"] = clean => GeographyCharts.DepartementMap(GeographyUsage.Analyse(clean.Situations)),
        ["03-housing.ipynb"] = clean => HousingCharts.VersusCensus(Housing.Analyse(clean.Situations), Census.Housing2012),
        ["04-resources-and-income.ipynb"] = clean => IncomeCharts.Histogram(Income.Analyse(clean.Situations)),
        ["05-time-and-coherence.ipynb"] = clean => TimeCharts.Daily(TimeUsage.Analyse(clean.Situations)),
        ["06-question-order.ipynb"] = clean => QuestionOrderCharts.Positions(QuestionOrder.Analyse(clean.Situations)),
    };

    public static TheoryData<string> Notebooks => [.. NotebookRuns.All];

    public static TheoryData<string> NotebooksWithLibraryChart => [.. LibraryCharts.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_cell_runs_without_error(string notebook)
    {
        var run = await runs.Get(notebook);
        output.WriteLine(run.ToString());

        Assert.True(run.Succeeded, run.ToString());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_cell_that_calls_a_chart_shows_a_chart_and_plotly_js_is_inlined_once(string notebook)
    {
        var run = await runs.Get(notebook);
        Assert.True(run.Succeeded, run.ToString());

        // Cells marked "// optional:" draw only when the user supplies a file the sample does not have.
        var chartCells = CodeCells(run)
            .Where(c => c.Cell.Contents.Contains("Charts.", StringComparison.Ordinal) && !c.Cell.Contents.Contains(OptionalMark, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(chartCells);
        foreach (var (index, cell) in chartCells)
        {
            Assert.True(cell.Outputs.Any(o => HtmlOf(o).Contains("Plotly.newPlot(", StringComparison.Ordinal)), $"{run.Name} cell {index} shows no chart");
        }

        Assert.Equal(1, run.Html().Sum(h => Regex.Count(h, Regex.Escape(PlotlyBanner))));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_notebook_opens_with_a_sentence_then_the_library_setup(string notebook)
    {
        var run = await runs.Get(notebook);
        var cells = run.Document.Elements;

        Assert.Equal("markdown", cells[0].KernelName);
        var setup = CodeCells(run).First().Cell.Contents;
        Assert.StartsWith($"#r \"{NotebookRuns.LibraryReference}\"", setup, StringComparison.Ordinal);
        Assert.Contains("NotebookFormatters.Register();", setup, StringComparison.Ordinal);
        Assert.Contains("var input = (string?)null;", setup, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NotebooksWithLibraryChart))]
    public async Task Shows_the_chart_the_library_draws_from_the_sample(string notebook)
    {
        var run = await runs.Get(notebook);
        Assert.True(run.Succeeded, run.ToString());

        AssertShowsChart(run, LibraryCharts[notebook](runs.CleanSample));
    }

    [Fact]
    public async Task Quickstart_is_short_and_shows_the_sample_audit()
    {
        var run = await runs.Get("00-quickstart.ipynb");
        Assert.True(run.Succeeded, run.ToString());
        var clean = runs.CleanSample;
        var text = run.AllOutputText();

        Assert.InRange(run.Document.Elements.Count, 1, 10);
        Assert.Contains($"kept {clean.Audit.Kept:N0}", text, StringComparison.Ordinal);
        Assert.Contains("synthetic sample", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_and_clean_shows_the_load_audit_the_cleaning_audit_and_a_rule_switched_off()
    {
        var run = await runs.Get("01-load-and-clean.ipynb");
        Assert.True(run.Succeeded, run.ToString());
        var sample = runs.Sample;
        var withoutStart = new Cleaner(CleaningOptions.Default.Without(CleaningRules.BeforeStart)).Apply(sample).Audit;
        var text = run.AllOutputText();

        Assert.Contains(Html(sample.Audit.ToString()), text, StringComparison.Ordinal);
        Assert.Contains($"<td>kept</td><td class=\"n\">{runs.CleanSample.Audit.Kept:N0}</td>", text, StringComparison.Ordinal);
        Assert.Contains($"<td>kept</td><td class=\"n\">{withoutStart.Kept:N0}</td>", text, StringComparison.Ordinal);
        Assert.Contains("<td>before-start</td><td class=\"n\">0</td><td>règle désactivée</td>", text, StringComparison.Ordinal);
        Assert.Contains($"{sample.Situations.Count} lignes × ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Housing_shows_the_category_counts_of_the_sample()
    {
        var run = await runs.Get("03-housing.ipynb");
        Assert.True(run.Succeeded, run.ToString());
        var housing = Housing.Analyse(runs.CleanSample.Situations);

        Assert.Contains($"<td>Locataire</td><td class=\"n\">{housing.ByCategory[Model.HousingCategory.Locataire]}</td>", run.AllOutputText(), StringComparison.Ordinal);
    }

    /// <summary>The notebook shows exactly the library's chart of the sample, under some id.</summary>
    private static void AssertShowsChart(NotebookRun run, GenericChart expected)
    {
        var ids = run.Html().SelectMany(h => Regex.Matches(h, "<div id=\"(chart-\\d+)\"").Select(m => m.Groups[1].Value)).ToList();
        Assert.Contains(ids, id => run.Html().Any(h => h.Contains(ChartHtml.Fragment(expected, id), StringComparison.Ordinal)));
    }

    private static string Html(string text) => global::MesAides.Analytics.Interactive.NotebookHtml.Encode(text);

    private static IEnumerable<(int Index, InteractiveDocumentElement Cell)> CodeCells(NotebookRun run) =>
        run.Document.Elements.Select((cell, index) => (index, cell)).Where(c => c.cell.KernelName == "csharp");

    private static string HtmlOf(InteractiveDocumentOutputElement output) => output switch
    {
        DisplayElement d => string.Concat(d.Data.Where(p => p.Key == "text/html").Select(p => p.Value)),
        ReturnValueElement r => string.Concat(r.Data.Where(p => p.Key == "text/html").Select(p => p.Value)),
        _ => string.Empty,
    };
}
