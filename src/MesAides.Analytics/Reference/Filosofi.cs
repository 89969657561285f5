using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MesAides.Analytics.Loading;

namespace MesAides.Analytics.Reference;

/// <summary>Median disposable income per consumption unit by commune, from the user's INSEE Filosofi file.</summary>
/// <param name="Source">The file read, for messages.</param>
/// <param name="MedianColumn">The column used (<c>MED12</c>, <c>MED19</c>, <c>MED21</c>…).</param>
/// <param name="Year">The income year of that column (<c>MED12</c> → 2012).</param>
/// <param name="Medians">INSEE code (5 characters) → median income in euros per consumption unit and year.</param>
/// <param name="Lines">Data lines read (header and blank lines excluded).</param>
/// <param name="Secret">Lines whose median is a secret or missing marker (<c>s</c>, <c>nd</c>, <c>ns</c>, empty…): skipped.</param>
/// <param name="Invalid">Lines skipped for another reason (no code, a value that is not a number, a repeated code).</param>
/// <param name="Problems">A message per invalid line (file, line, column, reason), the first 100 only.</param>
public sealed record FilosofiData(
    string Source,
    string MedianColumn,
    int Year,
    IReadOnlyDictionary<string, double> Medians,
    int Lines,
    int Secret,
    int Invalid,
    IReadOnlyList<string> Problems)
{
    public int Skipped => Secret + Invalid;

    /// <summary>A one-line account for reports: which column, how many communes, what was skipped.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Path.GetFileName(Source)}: {MedianColumn} (revenus {Year}), {Medians.Count} communes, {Secret} secrètes ou manquantes, {Invalid} lignes invalides");
}

/// <summary>
/// Reads an INSEE Filosofi CSV supplied by the user (it is not redistributed here): a <c>CODGEO</c> column and a
/// <c>MEDyy</c> median income column (<c>MED12</c>, <c>MED19</c>, <c>MED21</c>; with several, the latest year is
/// used unless one is named). Separators <c>;</c>, <c>,</c> or tab; decimal commas; thousands spaces. Secret and
/// missing markers are skipped and counted; a code that lost its leading zero in a spreadsheet (<c>1001</c>) is
/// padded back to 5 characters (<c>01001</c>).
/// </summary>
public static partial class Filosofi
{
    private const int MaxProblems = 100;

    /// <summary>Values INSEE (and spreadsheets) use for secret, not available or not significant.</summary>
    public static IReadOnlySet<string> MissingMarkers { get; } =
        new HashSet<string>(["", "s", "nd", "n.d.", "ns", "nc", "na", "n/a", "-", "so", "secret", "null", "nan", "#n/a"], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^MED(\d{2}|\d{4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MedianColumnPattern();

    /// <param name="medianColumn">The median column to use (e.g. <c>MED19</c>); by default the latest <c>MEDyy</c>.</param>
    public static FilosofiData Read(string path, string? medianColumn = null)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, medianColumn);
    }

    public static FilosofiData Read(TextReader reader, string source, string? medianColumn = null)
    {
        var file = new DelimitedFile(reader, source, "a header with CODGEO and a MEDyy column", MaxProblems);
        var columns = file.Columns;
        var codeIndex = Array.FindIndex(columns, c => string.Equals(c, "CODGEO", StringComparison.OrdinalIgnoreCase));
        if (codeIndex < 0)
        {
            throw file.HeaderError($"no CODGEO column (columns: {string.Join(", ", columns)})");
        }

        var (medianIndex, year) = FindMedianColumn(columns, medianColumn, source, file.LineNumber);
        var medians = new Dictionary<string, double>(StringComparer.Ordinal);
        int secret = 0, invalid = 0;
        void Invalid(string message)
        {
            invalid++;
            file.Problem(message);
        }

        foreach (var fields in file.Rows(Math.Max(codeIndex, medianIndex)))
        {
            if (NormaliseCode(fields[codeIndex]) is not { } code)
            {
                Invalid($"column '{columns[codeIndex]}': '{fields[codeIndex].Trim()}' is not a commune code");
                continue;
            }

            var text = fields[medianIndex].Trim();
            if (MissingMarkers.Contains(text))
            {
                secret++;
                continue;
            }

            if (ParseAmount(text) is not { } median)
            {
                Invalid($"column '{columns[medianIndex]}': '{text}' is not a number");
                continue;
            }

            if (!medians.TryAdd(code, median))
            {
                Invalid($"column '{columns[codeIndex]}': {code} appears again (the first line is kept)");
            }
        }

        return new FilosofiData(source, columns[medianIndex], year, medians, file.Lines, secret, invalid + file.Malformed, file.Problems);
    }

    /// <summary>A commune code of 5 characters: digits padded with leading zeros (<c>1001</c> → <c>01001</c>), Corsica as is (<c>2A004</c>); null otherwise.</summary>
    public static string? NormaliseCode(string text)
    {
        var code = text.Trim();
        if (code.Length is 0 or > 5)
        {
            return null;
        }

        if (code.All(char.IsAsciiDigit))
        {
            return code.PadLeft(5, '0');
        }

        var upper = code.ToUpperInvariant();
        return upper.Length == 5 && upper[0] == '2' && upper[1] is 'A' or 'B' && upper[2..].All(char.IsAsciiDigit) ? upper : null;
    }

    /// <summary>An amount written the French way (<c>19 785,5</c>) or the invariant way (<c>19785.5</c>).</summary>
    public static double? ParseAmount(string text)
    {
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("\u00A0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202F", string.Empty, StringComparison.Ordinal);
        if (compact.Contains(',', StringComparison.Ordinal))
        {
            // A comma is a decimal comma, unless a dot is the decimal mark and commas group thousands ("19,785.5").
            compact = compact.Contains('.', StringComparison.Ordinal)
                ? compact.Replace(",", string.Empty, StringComparison.Ordinal)
                : compact.Replace(',', '.');
        }

        return double.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) ? value : null;
    }

    private static (int Index, int Year) FindMedianColumn(string[] columns, string? wanted, string source, int line)
    {
        var candidates = columns
            .Select((name, index) => (Name: name, Index: index, Match: MedianColumnPattern().Match(name)))
            .Where(c => c.Match.Success)
            .Select(c => (c.Name, c.Index, Year: YearOf(c.Match.Groups[1].Value)))
            .ToList();
        if (wanted is not null)
        {
            var match = candidates.FirstOrDefault(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase));
            return match.Name is null
                ? throw new FormatException($"{source}, line {line}: no {wanted} column (columns: {string.Join(", ", columns)})")
                : (match.Index, match.Year);
        }

        if (candidates.Count == 0)
        {
            throw new FormatException($"{source}, line {line}: no median income column MEDyy such as MED12, MED19 or MED21 (columns: {string.Join(", ", columns)})");
        }

        var latest = candidates.OrderByDescending(c => c.Year).First();
        return (latest.Index, latest.Year);
    }

    private static int YearOf(string digits)
    {
        var n = int.Parse(digits, CultureInfo.InvariantCulture);
        return digits.Length == 4 ? n : 2000 + n;
    }
}
