using MesAides.Analytics.Reference;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Reference;

public sealed class FilosofiTests
{
    [Fact]
    public void Semicolons_decimal_commas_secret_markers_and_lost_leading_zeros()
    {
        var path = Paths.Fixture("filosofi/insee-2019.csv");
        var data = Filosofi.Read(path);

        Assert.Equal(("MED19", 2019), (data.MedianColumn, data.Year));
        Assert.Equal(4, data.Medians.Count);
        Assert.Equal(22330, data.Medians["31555"]);
        Assert.Equal(23050.5, data.Medians["44109"]);
        Assert.Equal(24940, data.Medians["01001"]);     // written 1001 by a spreadsheet
        Assert.Equal(28570.8, data.Medians["75056"]);
        Assert.False(data.Medians.ContainsKey("93066"));    // nd
        Assert.False(data.Medians.ContainsKey("2A004"));    // s
        Assert.Equal(9, data.Lines);
        Assert.Equal(3, data.Secret);       // nd, s, empty
        Assert.Equal(2, data.Invalid);      // "34,5,6" and a line without code
        Assert.Equal(5, data.Skipped);
        Assert.StartsWith(path + ", line 8: column 'MED19': '34,5,6'", data.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith(path + ", line 9: column 'CODGEO'", data.Problems[1], StringComparison.Ordinal);
        Assert.Contains("MED19 (revenus 2019), 4 communes", data.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Commas_with_quoted_fields_take_the_latest_year_unless_a_column_is_named()
    {
        var latest = Filosofi.Read(Paths.Fixture("filosofi/two-years.csv"));
        Assert.Equal(("MED19", 2019), (latest.MedianColumn, latest.Year));
        Assert.Equal(new Dictionary<string, double> { ["31555"] = 22330, ["44109"] = 23050, ["34172"] = 21000 }, latest.Medians);
        Assert.Equal(1, latest.Invalid);    // Bordeaux: one field more than the header
        Assert.Contains("line 5", latest.Problems[0], StringComparison.Ordinal);

        var older = Filosofi.Read(Paths.Fixture("filosofi/two-years.csv"), "med12");
        Assert.Equal(("MED12", 2012), (older.MedianColumn, older.Year));
        Assert.Equal(new Dictionary<string, double> { ["31555"] = 19785.5, ["44109"] = 20100 }, older.Medians);
        Assert.Equal(1, older.Secret);      // ns
    }

    [Fact]
    public void Without_a_median_column_the_error_says_so()
    {
        var path = Paths.Fixture("filosofi/no-median.csv");
        var error = Assert.Throws<FormatException>(() => Filosofi.Read(path));
        Assert.Contains(path + ", line 1: no median income column MEDyy", error.Message, StringComparison.Ordinal);
        Assert.Contains("CODGEO, LIBGEO, NBMENFISC19", error.Message, StringComparison.Ordinal);

        var named = Assert.Throws<FormatException>(() => Filosofi.Read(Paths.Fixture("filosofi/two-years.csv"), "MED21"));
        Assert.Contains("no MED21 column", named.Message, StringComparison.Ordinal);

        var noCode = Assert.Throws<FormatException>(() => Filosofi.Read(new StringReader("DEPCOM;MED19\n31555;1\n"), "f.csv"));
        Assert.Contains("f.csv, line 1: no CODGEO column", noCode.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1001", "01001")]
    [InlineData(" 31555 ", "31555")]
    [InlineData("2a004", "2A004")]
    [InlineData("2B033", "2B033")]
    [InlineData("123456", null)]
    [InlineData("3A004", null)]
    [InlineData("", null)]
    public void Codes_are_five_characters(string text, string? expected) => Assert.Equal(expected, Filosofi.NormaliseCode(text));

    [Theory]
    [InlineData("19 785,5", 19785.5)]
    [InlineData("19785.5", 19785.5)]
    [InlineData("19,785.5", 19785.5)]
    [InlineData("19\u00A0785", 19785)]
    [InlineData("20000", 20000)]
    public void Amounts_the_french_and_the_invariant_way(string text, double expected) => Assert.Equal(expected, Filosofi.ParseAmount(text));
}
