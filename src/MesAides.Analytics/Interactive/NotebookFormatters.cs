using MesAides.Analytics.Analyses;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Loading;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace MesAides.Analytics.Interactive;

/// <summary>
/// Registers text/html formatters for the toolkit's values in .NET Interactive notebooks: DataFrames, result
/// tables, audits and charts (offline: plotly.js comes from Plotly.NET.dll, not from a CDN).
/// Call <see cref="Register"/> from a notebook's first code cell.
/// </summary>
public static class NotebookFormatters
{
    /// <summary>
    /// Registers (or re-registers) the formatters. Each call starts a new chart sequence: the next chart
    /// carries plotly.js again and ids start at <c>chart-1</c>. The formatter registry of .NET Interactive
    /// is process-wide, so the chart state is too; it belongs to the latest call.
    /// </summary>
    public static void Register(int maxRows = NotebookHtml.DefaultMaxRows)
    {
        var charts = new NotebookCharts();
        Formatter.Register<DataFrame>((frame, writer) => writer.Write(NotebookHtml.DataFrame(frame, maxRows)), HtmlFormatter.MimeType);
        Formatter.Register<Table>((table, writer) => writer.Write(NotebookHtml.Table(table, maxRows)), HtmlFormatter.MimeType);
        Formatter.Register<ITabular>((result, writer) => writer.Write(NotebookHtml.Tabular(result, maxRows)), HtmlFormatter.MimeType);
        Formatter.Register<CleaningAudit>((audit, writer) => writer.Write(NotebookHtml.CleaningAudit(audit)), HtmlFormatter.MimeType);
        Formatter.Register<LoadAudit>((audit, writer) => writer.Write(NotebookHtml.LoadAudit(audit)), HtmlFormatter.MimeType);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(charts.Html(chart)), HtmlFormatter.MimeType);
    }
}
