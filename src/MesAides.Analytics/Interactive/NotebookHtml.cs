using System.Globalization;
using System.Text;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Charts;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Loading;
using Microsoft.Data.Analysis;

namespace MesAides.Analytics.Interactive;

/// <summary>
/// HTML for the toolkit's results in notebooks: plain tables, every text HTML-escaped (commune names and
/// rejection messages come from user data), long tables cut to their first rows with a note saying so.
/// </summary>
public static class NotebookHtml
{
    /// <summary>Rows shown of a long table or DataFrame.</summary>
    public const int DefaultMaxRows = 20;

    /// <summary>Rejections shown in a load audit (it keeps up to 100).</summary>
    public const int DefaultMaxRejections = 10;

    // !important: Jupyter's own table rules (right-aligned cells) are more specific than a class selector.
    private const string Style = "<style>.mesaides-html table{border-collapse:collapse;margin:0.3em 0}"
        + ".mesaides-html th,.mesaides-html td{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left !important}"
        + ".mesaides-html td.n,.mesaides-html th.n{text-align:right !important;font-variant-numeric:tabular-nums}"
        + ".mesaides-html .note{color:#555;font-size:90%;margin:0.2em 0 0.8em}</style>";

    /// <summary>A DataFrame: its first rows, then its size and how many rows are not shown.</summary>
    public static string DataFrame(DataFrame frame, int maxRows = DefaultMaxRows)
    {
        var html = Open();
        var columns = frame.Columns;
        html.Append("<table><thead><tr><th></th>");
        foreach (var column in columns)
        {
            Header(html, column.Name, IsNumeric(column.DataType));
        }

        html.Append("</tr></thead><tbody>");
        var shown = Math.Min(frame.Rows.Count, Math.Max(0, maxRows));
        for (long r = 0; r < shown; r++)
        {
            html.Append("<tr><th class=\"n\">").Append(r).Append("</th>");
            foreach (var column in columns)
            {
                Cell(html, Text(column[r]), IsNumeric(column.DataType));
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        Note(html, $"{frame.Rows.Count} lignes × {columns.Count} colonnes", frame.Rows.Count, shown,
            "frame.Head(n), frame.Tail(n) ou frame.Filter(…) pour voir les autres");
        return Close(html);
    }

    /// <summary>A result table: its name, its first rows (cells as in the CSV files), its row count.</summary>
    public static string Table(Table table, int maxRows = DefaultMaxRows)
    {
        var html = Open();
        AppendTable(html, table, maxRows);
        return Close(html);
    }

    /// <summary>Every table of a result, one after the other.</summary>
    public static string Tabular(ITabular result, int maxRows = DefaultMaxRows)
    {
        var html = Open();
        foreach (var table in result.Tables)
        {
            AppendTable(html, table, maxRows);
        }

        return Close(html);
    }

    /// <summary>The cleaning audit: one row per step (read, rejections, each rule, kept) and the reconciliation.</summary>
    public static string CleaningAudit(CleaningAudit audit)
    {
        var html = Open();
        html.Append("<table><thead><tr>");
        Header(html, "étape", false);
        Header(html, "situations", true);
        Header(html, "description", false);
        html.Append("</tr></thead><tbody>");
        foreach (var step in audit.Steps)
        {
            html.Append("<tr>");
            Cell(html, step.Step, false);
            Cell(html, Count(step.Situations), true);
            Cell(html, step.Description, false);
            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        html.Append("<p class=\"note\">").Append(Encode(audit.ToString()))
            .Append(audit.Reconciles ? " ✓" : " — ne se réconcilie pas").Append("</p>");
        return Close(html);
    }

    /// <summary>The load audit: counts, situations by storage format, rejections by reason and the first rejections.</summary>
    public static string LoadAudit(LoadAudit audit, int maxRejections = DefaultMaxRejections)
    {
        var html = Open();
        html.Append("<p><b>").Append(Encode(audit.Source)).Append("</b></p>");
        html.Append("<table><thead><tr>");
        Header(html, "", false);
        Header(html, "documents", true);
        html.Append("</tr></thead><tbody>");
        Row(html, "lus", audit.Read);
        Row(html, "lus comme situations", audit.Mapped);
        foreach (var (format, count) in audit.MappedByFormat)
        {
            Row(html, $"… au format {format}", count);
        }

        Row(html, "rejetés", audit.Rejected);
        foreach (var (reason, count) in audit.RejectedByReason)
        {
            Row(html, $"… {reason}", count);
        }

        html.Append("</tbody></table>");
        html.Append("<p class=\"note\">").Append(Encode(audit.ToString()))
            .Append(audit.Reconciles ? " ✓" : " — ne se réconcilie pas").Append("</p>");

        if (audit.Samples.Count > 0)
        {
            var shown = Math.Min(audit.Samples.Count, Math.Max(0, maxRejections));
            html.Append("<table><thead><tr>");
            foreach (var name in new[] { "emplacement", "motif", "champ", "message" })
            {
                Header(html, name, false);
            }

            html.Append("</tr></thead><tbody>");
            foreach (var rejection in audit.Samples.Take(shown))
            {
                html.Append("<tr>");
                Cell(html, rejection.Location.ToString(), false);
                Cell(html, rejection.Reason, false);
                Cell(html, rejection.Field, false);
                Cell(html, rejection.Message, false);
                html.Append("</tr>");
            }

            html.Append("</tbody></table>");
            Note(html, $"{audit.Rejected} rejets", audit.Rejected, shown, "audit.Samples en garde les 100 premiers");
        }

        return Close(html);
    }

    private static void AppendTable(StringBuilder html, Table table, int maxRows)
    {
        html.Append("<p><b>").Append(Encode(table.Name)).Append("</b></p>");
        html.Append("<table><thead><tr>");
        foreach (var column in table.Columns)
        {
            Header(html, column.Name, column.Kind != ColumnKind.Text);
        }

        html.Append("</tr></thead><tbody>");
        var shown = Math.Min(table.Rows.Count, Math.Max(0, maxRows));
        for (var r = 0; r < shown; r++)
        {
            html.Append("<tr>");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                Cell(html, Text(table.Rows[r][c]), table.Columns[c].Kind != ColumnKind.Text);
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        Note(html, $"{table.Rows.Count} lignes", table.Rows.Count, shown, "table.ToDataFrame() pour toutes les manipuler");
    }

    /// <summary>Cells as in the CSV files (<see cref="Analyses.Table.Format"/>), but shares and rates to 6 decimals for reading.</summary>
    private static string? Text(object? value) => value switch
    {
        double d when double.IsFinite(d) => Math.Round(d, 6).ToString("0.######", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Analyses.Table.Format(value),
    };

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static bool IsNumeric(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(long) || type == typeof(int)
        || type == typeof(short) || type == typeof(byte) || type == typeof(ulong) || type == typeof(uint);

    private static StringBuilder Open() => new StringBuilder("<div class=\"mesaides-html\">").Append(Style);

    private static string Close(StringBuilder html) => html.Append("</div>").ToString();

    private static void Header(StringBuilder html, string name, bool numeric) =>
        html.Append(numeric ? "<th class=\"n\">" : "<th>").Append(Encode(name)).Append("</th>");

    private static void Cell(StringBuilder html, string? text, bool numeric) =>
        html.Append(numeric ? "<td class=\"n\">" : "<td>").Append(Encode(text)).Append("</td>");

    private static void Row(StringBuilder html, string label, long count)
    {
        html.Append("<tr>");
        Cell(html, label, false);
        Cell(html, Count(count), true);
        html.Append("</tr>");
    }

    private static void Note(StringBuilder html, string size, long total, long shown, string hint)
    {
        html.Append("<p class=\"note\">").Append(Encode(size));
        if (shown < total)
        {
            html.Append(Encode($" — {shown} premières affichées ({hint})"));
        }

        html.Append("</p>");
    }

    /// <summary>Escapes the five HTML-significant characters and leaves accents readable (ChartHtml.Encode).</summary>
    public static string Encode(string? text) => ChartHtml.Encode(text);
}
