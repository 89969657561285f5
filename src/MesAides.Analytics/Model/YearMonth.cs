using System.Globalization;

namespace MesAides.Analytics.Model;

/// <summary>A calendar month, as in the stored periods <c>"YYYY-MM"</c>.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    /// <summary>Months since year 0, so that month arithmetic is integer arithmetic.</summary>
    public int Index => (Year * 12) + Month - 1;

    public static YearMonth FromIndex(int index) => new(index / 12, (index % 12) + 1);

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    public YearMonth AddMonths(int months) => FromIndex(Index + months);

    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(YearMonth a, YearMonth b) => a.Index < b.Index;

    public static bool operator >(YearMonth a, YearMonth b) => a.Index > b.Index;

    public static bool operator <=(YearMonth a, YearMonth b) => a.Index <= b.Index;

    public static bool operator >=(YearMonth a, YearMonth b) => a.Index >= b.Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>Parses <c>YYYY-MM</c>; returns false for anything else (e.g. a yearly <c>YYYY</c>).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out YearMonth value)
    {
        value = default;
        if (text.Length != 7 || text[4] != '-')
        {
            return false;
        }

        if (!int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || month is < 1 or > 12)
        {
            return false;
        }

        value = new YearMonth(year, month);
        return true;
    }

    public static YearMonth Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a YYYY-MM month");
}
