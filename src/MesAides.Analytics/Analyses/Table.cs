using System.Globalization;
using Microsoft.Data.Analysis;

namespace MesAides.Analytics.Analyses;

/// <summary>What a column holds, which decides how it is written and suppressed.</summary>
public enum ColumnKind
{
    /// <summary>A label (category, code, name, date as text).</summary>
    Text,

    /// <summary>A count of situations or individuals: suppressed below the small-cell threshold.</summary>
    Count,

    /// <summary>A share in [0, 1] or a rate derived from a count: hidden when that count is suppressed.</summary>
    Derived,

    /// <summary>A number that is not a count of people (population, amount, correlation).</summary>
    Number,
}

/// <summary>A column of a result table.</summary>
/// <param name="Source">For <see cref="ColumnKind.Derived"/>: the count column it is computed from.</param>
public sealed record Column(string Name, ColumnKind Kind, string? Source = null)
{
    public static Column Text(string name) => new(name, ColumnKind.Text);

    public static Column Count(string name) => new(name, ColumnKind.Count);

    public static Column Derived(string name, string source) => new(name, ColumnKind.Derived, source);

    public static Column Number(string name) => new(name, ColumnKind.Number);
}

/// <summary>
/// A result table: named like its CSV file, typed columns, rows of values (string, long, double, or null
/// for missing). Tables are what the report writes, what <see cref="ToDataFrame"/> shows in notebooks, and
/// what small-cell suppression works on.
/// </summary>
public sealed record Table(string Name, IReadOnlyList<Column> Columns, IReadOnlyList<object?[]> Rows)
{
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"table {Name} has no column {column}", nameof(column));
    }

    public IEnumerable<T> Values<T>(string column)
    {
        var index = IndexOf(column);
        return Rows.Select(r => (T)r[index]!);
    }

    /// <summary>Cells as CSV text: invariant culture, shares with full precision, null as empty.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : null,
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>();
        for (var c = 0; c < Columns.Count; c++)
        {
            var column = Columns[c];
            var values = Rows.Select(r => r[c]).ToList();
            columns.Add(column.Kind switch
            {
                ColumnKind.Count when values.All(v => v is null or long or int) =>
                    new PrimitiveDataFrameColumn<long>(column.Name, values.Select(v => v is null ? (long?)null : Convert.ToInt64(v, CultureInfo.InvariantCulture))),
                ColumnKind.Count or ColumnKind.Derived or ColumnKind.Number when values.All(v => v is null or double or long or int or float) =>
                    new PrimitiveDataFrameColumn<double>(column.Name, values.Select(v => v is null ? (double?)null : Convert.ToDouble(v, CultureInfo.InvariantCulture))),
                _ => new StringDataFrameColumn(column.Name, values.Select(Format)),
            });
        }

        return new DataFrame(columns);
    }
}

/// <summary>A result that can be shown and written as tables.</summary>
public interface ITabular
{
    IReadOnlyList<Table> Tables { get; }
}

public static class TabularExtensions
{
    /// <summary>One of a result's tables as a DataFrame: by name, or its first (main) table.</summary>
    public static DataFrame ToDataFrame(this ITabular result, string? table = null) =>
        (table is null ? result.Tables[0] : result.Tables.FirstOrDefault(t => t.Name == table)
            ?? throw new ArgumentException($"no table '{table}' (tables: {string.Join(", ", result.Tables.Select(t => t.Name))})", nameof(table)))
        .ToDataFrame();
}

/// <summary>Shares that sum to 1 over the rows that count; 0 where the total is 0.</summary>
public static class Shares
{
    public static double Of(long part, long total) => total == 0 ? 0 : (double)part / total;
}
