using System.Globalization;
using System.Text;
using System.Text.Json;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Tables;

namespace MesAides.Analytics.Reports;

/// <summary>Writes a report's outputs: <c>report.html</c>, <c>tables/*.csv</c>, <c>summary.json</c>.</summary>
public static class ReportFiles
{
    public static IReadOnlyList<string> Write(ReportResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var suppression = new Suppression(result.Options.MinCell);
        if (result.Options.WriteCsv)
        {
            written.AddRange(WriteTables(result.Tables, directory, suppression));
        }

        if (result.Options.WriteJson)
        {
            var path = Path.Combine(directory, "summary.json");
            File.WriteAllBytes(path, Summary(result, suppression));
            written.Add(path);
        }

        if (result.Options.WriteHtml)
        {
            var path = Path.Combine(directory, "report.html");
            File.WriteAllText(path, HtmlReport.Render(result, suppression), new UTF8Encoding(false));
            written.Add(path);
        }

        return written;
    }

    /// <summary>Tables that count documents or say where work ran: never suppressed.</summary>
    private static readonly HashSet<string> Unsuppressed = new(StringComparer.Ordinal) { "audit", "pushdown" };

    /// <summary>Writes <c>tables/&lt;name&gt;.csv</c> for each table, small cells suppressed.</summary>
    public static IReadOnlyList<string> WriteTables(IEnumerable<Table> tables, string directory, Suppression suppression)
    {
        var folder = Path.Combine(directory, "tables");
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var table in tables)
        {
            var published = Unsuppressed.Contains(table.Name) ? table : suppression.Apply(table);
            var path = Path.Combine(folder, table.Name + ".csv");
            CsvOutput.Write(path, [.. table.Columns.Select(c => c.Name)], published.Rows.Select(r => (IReadOnlyList<string?>)[.. r.Select(Cell)]));
            written.Add(path);
        }

        return written;
    }

    private static string? Cell(object? value) => value is Suppression.Hidden ? null : Table.Format(value);

    /// <summary>The headline figures, machine-readable, for dashboards.</summary>
    public static byte[] Summary(ReportResult result, Suppression suppression)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("source", result.Source);
            json.WriteBoolean("synthetic", result.IsSample);
            WritePeriod(json, "period", result.Period);
            if (result.ComparedPeriod is { } compared)
            {
                WritePeriod(json, "compared_with", compared);
            }

            json.WriteNumber("min_cell", result.Options.MinCell);
            json.WriteStartObject("audit");
            foreach (var row in result.AuditTable.Rows)
            {
                json.WriteNumber((string)row[0]!, Convert.ToInt64(row[1], CultureInfo.InvariantCulture));
            }

            json.WriteEndObject();
            json.WriteStartArray("headlines");
            foreach (var h in result.Headlines)
            {
                json.WriteStartObject();
                json.WriteString("id", h.Id);
                json.WriteString("label", h.Label);
                var hidden = h.IsCount && (suppression.Hides((long?)h.Value) || suppression.Hides((long?)h.Compared));
                WriteFigure(json, "value", h.Value, h.IsCount, suppression);
                WriteFigure(json, "compared", h.Compared, h.IsCount, suppression);
                WriteFigure(json, "change", hidden ? null : h.Change, false, suppression);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteFigure(Utf8JsonWriter json, string name, double? value, bool isCount, Suppression suppression)
    {
        if (value is not { } v || !double.IsFinite(v) || (isCount && suppression.Hides((long)v)))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, v);
        }
    }

    private static void WritePeriod(Utf8JsonWriter json, string name, ReportPeriod period)
    {
        json.WriteStartObject(name);
        json.WriteString("from", period.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("to", period.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }
}
