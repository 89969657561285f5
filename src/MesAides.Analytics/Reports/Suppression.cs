using MesAides.Analytics.Analyses;

namespace MesAides.Analytics.Reports;

/// <summary>
/// Small-cell suppression (French statistical secrecy practice): a count of people from 1 to
/// <c>MinCell - 1</c> is not published, nor any share or rate computed from it. Zero is published.
/// </summary>
public sealed class Suppression(int minCell)
{
    /// <summary>Marks a suppressed cell; CSV writes it empty, HTML as "&lt;N".</summary>
    public sealed class Hidden
    {
        public static Hidden Instance { get; } = new();

        private Hidden()
        {
        }
    }

    public int MinCell { get; } = minCell;

    public bool IsOn => MinCell > 0;

    public bool Hides(object? count) => IsOn && count is long or int && Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture) is > 0 and var n && n < MinCell;

    /// <summary>The table with suppressed cells replaced by <see cref="Hidden.Instance"/>.</summary>
    public Table Apply(Table table)
    {
        if (!IsOn)
        {
            return table;
        }

        var sources = table.Columns.Select(c => c.Kind == ColumnKind.Derived && c.Source is { } s ? table.IndexOf(s) : -1).ToArray();
        var rows = table.Rows.Select(row =>
        {
            var copy = (object?[])row.Clone();
            for (var c = 0; c < copy.Length; c++)
            {
                var column = table.Columns[c];
                if ((column.Kind == ColumnKind.Count && Hides(row[c])) || (sources[c] >= 0 && Hides(row[sources[c]])))
                {
                    copy[c] = Hidden.Instance;
                }
            }

            return copy;
        }).ToList();
        return table with { Rows = rows };
    }

    public string Label => $"<{MinCell}";
}
