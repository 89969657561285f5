using CsvHelper;

namespace MesAides.Analytics.Tables;

/// <summary>Every CSV the toolkit writes: UTF-8 without BOM, comma, header row, LF, invariant numbers.</summary>
public static class CsvOutput
{
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n" };

    public static CsvWriter Create(string path, IReadOnlyList<string> header)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var writer = CsvWriter.Create(File.Create(path), Options, leaveOpen: false);
        writer.WriteHeader([.. header]);
        return writer;
    }

    /// <summary>Writes a whole table; a null cell is an empty field (missing, or suppressed).</summary>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = Create(path, header);
        foreach (var row in rows)
        {
            WriteRow(writer, row);
        }
    }

    public static void WriteRow(CsvWriter writer, IReadOnlyList<string?> row)
    {
        foreach (var cell in row)
        {
            writer.WriteField(cell ?? string.Empty);
        }

        writer.EndRecord();
    }
}
