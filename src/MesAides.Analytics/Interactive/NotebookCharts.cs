using System.Globalization;
using MesAides.Analytics.Charts;
using Plotly.NET;

namespace MesAides.Analytics.Interactive;

/// <summary>
/// Charts as offline notebook HTML: the first chart carries plotly.js (and its French locale), later ones
/// only their div and script; ids count up (<c>chart-1</c>, <c>chart-2</c>…) so saved outputs are the same
/// from run to run. One instance per notebook run.
/// </summary>
public sealed class NotebookCharts
{
    private int _charts;
    private int _plotlyEmitted;

    /// <summary>The chart's div and script, after plotly.js if this sequence has not emitted it yet.</summary>
    public string Html(GenericChart chart)
    {
        var id = "chart-" + Interlocked.Increment(ref _charts).ToString(CultureInfo.InvariantCulture);
        var fragment = ChartHtml.Fragment(chart, id);
        return Interlocked.Exchange(ref _plotlyEmitted, 1) == 0 ? PlotlyScript() + fragment : fragment;
    }

    /// <summary>
    /// plotly.js, loaded only if the page has none yet. An AMD loader (require.js in classic Jupyter and
    /// nbconvert pages) would make the bundle register a module instead of setting <c>window.Plotly</c>, so
    /// <c>define</c> is hidden while it runs.
    /// </summary>
    public static string PlotlyScript() =>
        "<script type=\"text/javascript\">if (!window.Plotly) { (function () { var __define = window.define; window.define = undefined; try {\n"
        + ChartHtml.PlotlyJs
        + "\n} finally { window.define = __define; } })();\n"
        + ChartHtml.FrenchLocaleJs
        + "\n}</script>\n";
}
