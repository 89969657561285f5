using MesAides.Analytics.Loading;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Loading;

public sealed class VisitsReaderTests
{
    private static (DateOnly, long) Day(int month, int day, long visits) => (new DateOnly(2016, month, day), visits);

    [Fact]
    public void English_export_with_commas_a_quoted_thousands_separator_and_bad_lines_counted()
    {
        var path = Paths.Fixture("visits/matomo-en.csv");
        var data = VisitsReader.Read(path);

        Assert.Equal(("date", "nb_visits"), (data.DateColumn, data.ValueColumn));
        Assert.Equal([Day(3, 1, 100), Day(3, 2, 200), Day(3, 4, 1234), Day(3, 6, 7)], data.Days);
        Assert.Equal(6, data.Lines);     // the blank line is not a data line
        Assert.Equal(2, data.Skipped);
        Assert.False(data.IsPageViews);
        Assert.Equal(2, data.Problems.Count);
        Assert.StartsWith(path + ", line 4: column 'nb_visits': 'not-a-number'", data.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith(path + ", line 7: column 'date': '2016-3-5'", data.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void French_export_with_semicolons_dd_mm_yyyy_and_thousands_separators()
    {
        var data = VisitsReader.Read(Paths.Fixture("visits/matomo-fr.csv"));

        Assert.Equal(("Date", "Visites"), (data.DateColumn, data.ValueColumn));
        Assert.Equal([Day(3, 1, 1234), Day(3, 2, 1234), Day(3, 4, 2345)], data.Days);
        Assert.Equal(1, data.Skipped);
        Assert.Contains("line 4: column 'Visites': '12.5' is not a whole number", Assert.Single(data.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Page_views_can_be_chosen_and_utf16_exports_are_read()
    {
        var french = VisitsReader.Read(Paths.Fixture("visits/matomo-fr.csv"), "pages vues");
        Assert.Equal([Day(3, 1, 5000), Day(3, 2, 4000), Day(3, 3, 4000), Day(3, 4, 4000)], french.Days);
        Assert.True(french.IsPageViews);

        var utf16 = VisitsReader.Read(Paths.Fixture("visits/matomo-utf16.csv"));
        Assert.Equal(("label", "nb_pageviews"), (utf16.DateColumn, utf16.ValueColumn));
        Assert.Equal([Day(5, 10, 321), Day(5, 11, 654)], utf16.Days);
    }

    [Fact]
    public void Without_a_count_column_the_error_names_the_file_line_and_columns()
    {
        var error = Assert.Throws<FormatException>(() => VisitsReader.Read(new StringReader("jour;visiteurs\n2016-03-01;3\n"), "v.csv"));
        Assert.Contains("v.csv, line 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("nb_visits", error.Message, StringComparison.Ordinal);
        Assert.Contains("jour, visiteurs", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => VisitsReader.Read(new StringReader(string.Empty), "empty.csv"));
    }

    [Fact]
    public void First_column_is_the_date_when_none_is_named_and_repeated_dates_are_skipped()
    {
        var data = VisitsReader.Read(new StringReader("periode,nb_visits\n2016-03-01,5\n2016-03-01,6\n2016-03-02,1,2\n"), "x.csv");
        Assert.Equal("periode", data.DateColumn);
        Assert.Equal([Day(3, 1, 5)], data.Days);
        Assert.Equal(2, data.Skipped);
        Assert.Contains("line 3", data.Problems[0], StringComparison.Ordinal);
        Assert.Contains("line 4", data.Problems[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1234", 1234L)]
    [InlineData("1 234", 1234L)]
    [InlineData("1,234", 1234L)]
    [InlineData("1.234.567", 1234567L)]
    [InlineData("12\u202F345", 12345L)]
    public void Counts_with_thousands_separators(string text, long expected)
    {
        Assert.True(VisitsReader.TryParseCount(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12.5")]
    [InlineData("1,23")]
    [InlineData("1 234,567")]
    [InlineData("-3")]
    [InlineData("1234 567")]
    public void Not_counts(string text) => Assert.False(VisitsReader.TryParseCount(text, out _));
}
