using System.Globalization;
using System.Text;

namespace MesAides.Analytics.Loading;

/// <summary>Daily visits read from a web-analytics export, with what was skipped and why.</summary>
/// <param name="Source">The file (or name) read, for messages.</param>
/// <param name="DateColumn">The column the dates were read from.</param>
/// <param name="ValueColumn">The column the counts were read from (<c>nb_visits</c>, <c>Visites</c>, <c>nb_pageviews</c>…).</param>
/// <param name="Lines">Data lines read (header and blank lines excluded).</param>
/// <param name="Problems">One message per skipped line (file, line, column, reason), the first 100 only.</param>
public sealed record VisitsData(
    string Source,
    string DateColumn,
    string ValueColumn,
    IReadOnlyList<(DateOnly Date, long Visits)> Days,
    int Lines,
    int Skipped,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when the counts are page views rather than visits.</summary>
    public bool IsPageViews => VisitsReader.PageViewColumns.Contains(ValueColumn, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Reads a Matomo (Piwik) CSV export of visits per day: English (<c>date</c>/<c>label</c>, <c>nb_visits</c>,
/// <c>nb_pageviews</c>) or French (<c>Date</c>, <c>Visites</c>, <c>Pages vues</c>) headers, <c>,</c>, <c>;</c> or
/// tab separated, UTF-8 or UTF-16 with a byte order mark (Matomo writes UTF-16LE). Dates are <c>yyyy-MM-dd</c> or
/// <c>dd/MM/yyyy</c>; counts may carry thousands separators (<c>1 234</c>, <c>1,234</c>, <c>1.234</c>). A bad line is
/// skipped and reported with its line number; only a file without a usable header stops the reading.
/// </summary>
public static class VisitsReader
{
    private const int MaxProblems = 100;

    /// <summary>Value columns, preferred first: visits before page views.</summary>
    public static IReadOnlyList<string> VisitColumns { get; } = ["nb_visits", "visites", "visits"];

    public static IReadOnlyList<string> PageViewColumns { get; } = ["nb_pageviews", "pages vues", "pageviews", "nb_actions"];

    private static readonly string[] DateColumns = ["date", "label", "jour", "day"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "yyyy/MM/dd", "d/M/yyyy"];

    /// <param name="valueColumn">Forces the count column (by header name, case-insensitive).</param>
    public static VisitsData Read(string path, string? valueColumn = null)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, valueColumn);
    }

    public static VisitsData Read(TextReader reader, string source, string? valueColumn = null)
    {
        var file = new DelimitedFile(reader, source, "a header line with a date column and nb_visits or nb_pageviews", MaxProblems);
        var columns = file.Columns;
        var dateIndex = FindDateColumn(columns);
        var valueIndex = FindValueColumn(columns, valueColumn, source, file.LineNumber);
        if (valueIndex == dateIndex)
        {
            throw file.HeaderError($"the count column '{columns[valueIndex]}' is also the date column");
        }

        var days = new Dictionary<DateOnly, long>();
        var skipped = 0;
        void Skip(string message)
        {
            skipped++;
            file.Problem(message);
        }

        foreach (var fields in file.Rows(Math.Max(dateIndex, valueIndex)))
        {
            var dateText = fields[dateIndex].Trim();
            if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Skip($"column '{columns[dateIndex]}': '{Shorten(dateText)}' is not a date (yyyy-MM-dd or dd/MM/yyyy)");
                continue;
            }

            var valueText = fields[valueIndex].Trim();
            if (!TryParseCount(valueText, out var count))
            {
                Skip($"column '{columns[valueIndex]}': '{Shorten(valueText)}' is not a whole number");
                continue;
            }

            if (!days.TryAdd(date, count))
            {
                Skip($"column '{columns[dateIndex]}': {date:yyyy-MM-dd} appears again (the first line is kept)");
            }
        }

        return new VisitsData(
            source, columns[dateIndex], columns[valueIndex],
            [.. days.OrderBy(d => d.Key).Select(d => (d.Key, d.Value))],
            file.Lines, skipped + file.Malformed, file.Problems);
    }

    /// <summary>A non-negative whole number, with or without thousands separators (space, no-break space, comma, dot, apostrophe).</summary>
    public static bool TryParseCount(string text, out long value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        // Groups of exactly three digits after the first, all with the same separator: "1 234 567", "1,234".
        var separator = '\0';
        var digits = new StringBuilder(text.Length);
        var groupLength = 0;
        var groups = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
                groupLength++;
                continue;
            }

            if (c is not (' ' or '\u00A0' or '\u202F' or ',' or '.' or '\'') || (separator != '\0' && c != separator)
                || groupLength == 0 || (groups == 0 ? groupLength > 3 : groupLength != 3))
            {
                return false;
            }

            separator = c;
            groups++;
            groupLength = 0;
        }

        return groups > 0 && groupLength == 3
            && long.TryParse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static int FindDateColumn(string[] columns)
    {
        foreach (var name in DateColumns)
        {
            var index = Array.FindIndex(columns, c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
        }

        return 0;
    }

    private static int FindValueColumn(string[] columns, string? forced, string source, int line)
    {
        IEnumerable<string> wanted = forced is null ? [.. VisitColumns, .. PageViewColumns] : [forced];
        foreach (var name in wanted)
        {
            var index = Array.FindIndex(columns, c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
        }

        var expected = forced is null ? "nb_visits, nb_pageviews, Visites or Pages vues" : $"'{forced}'";
        throw new FormatException($"{source}, line {line}: no {expected} column (columns: {string.Join(", ", columns)})");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}

/// <summary>Minimal delimited-text splitting for user-supplied exports (quotes, doubled quotes, one line a record).</summary>
internal static class DelimitedText
{
    /// <summary>The separator of a header line: tab, then semicolon, then comma, whichever occurs most.</summary>
    public static char DetectSeparator(string header)
    {
        int tabs = 0, semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                tabs += c == '\t' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
            }
        }

        return tabs > 0 && tabs >= semicolons && tabs >= commas ? '\t' : semicolons > 0 && semicolons >= commas ? ';' : ',';
    }

    public static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}

/// <summary>
/// A delimited text file read line by line: its header (separator detected), then data rows with their line
/// numbers. Rows with too few fields, or with extra non-empty fields (a number with an unquoted separator),
/// are reported and skipped; problems name the file, the line and what is wrong, up to a limit.
/// </summary>
internal sealed class DelimitedFile
{
    private readonly TextReader _reader;
    private readonly string _source;
    private readonly int _maxProblems;

    public DelimitedFile(TextReader reader, string source, string expectedHeader, int maxProblems)
    {
        (_reader, _source, _maxProblems) = (reader, source, maxProblems);
        string? header;
        do
        {
            header = reader.ReadLine();
            LineNumber++;
        }
        while (header is not null && header.Trim().Length == 0);

        if (header is null)
        {
            throw new FormatException($"{source}: empty file, expected {expectedHeader}");
        }

        Separator = DelimitedText.DetectSeparator(header);
        Columns = [.. DelimitedText.Split(header, Separator).Select(c => c.Trim().Trim('\uFEFF'))];
    }

    public char Separator { get; }

    public string[] Columns { get; }

    /// <summary>The line being read (1-based, blank lines and the header counted).</summary>
    public int LineNumber { get; private set; }

    /// <summary>Non-blank data lines read so far.</summary>
    public int Lines { get; private set; }

    /// <summary>Lines skipped for their shape (too few or too many fields).</summary>
    public int Malformed { get; private set; }

    public List<string> Problems { get; } = [];

    /// <summary>An error about the header, naming the file and line.</summary>
    public FormatException HeaderError(string message) => new($"{_source}, line {LineNumber}: {message}");

    public void Problem(string message)
    {
        if (Problems.Count < _maxProblems)
        {
            Problems.Add($"{_source}, line {LineNumber}: {message}");
        }
    }

    /// <summary>The data rows that have at least the fields up to <paramref name="lastIndex"/>.</summary>
    public IEnumerable<List<string>> Rows(int lastIndex)
    {
        for (var line = _reader.ReadLine(); line is not null; line = _reader.ReadLine())
        {
            LineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            Lines++;
            var fields = DelimitedText.Split(line, Separator);
            if (fields.Count <= lastIndex)
            {
                Malformed++;
                Problem($"{fields.Count} fields, expected at least {lastIndex + 1}");
            }
            else if (fields.Count > Columns.Length && fields.Skip(Columns.Length).Any(f => f.Trim().Length > 0))
            {
                Malformed++;
                Problem($"{fields.Count} fields where the header has {Columns.Length} (a number with an unquoted '{Separator}'?)");
            }
            else
            {
                yield return fields;
            }
        }
    }
}
