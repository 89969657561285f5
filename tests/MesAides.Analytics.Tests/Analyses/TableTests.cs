using MesAides.Analytics.Analyses;
using MesAides.Analytics.Model;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Analyses;

public class TableTests
{
    private static readonly HousingResult Result = Housing.Analyse(
    [
        Some.Situation(household: Some.Household(HousingCategory.Locataire, "locataire_hlm")),
        Some.Situation(household: Some.Household(HousingCategory.Proprietaire, "proprietaire")),
        Some.Situation(household: Some.Household(HousingCategory.Proprietaire, "primo_accedant")),
    ]);

    [Fact]
    public void A_result_s_main_table_is_a_typed_DataFrame()
    {
        var frame = Result.ToDataFrame();

        Assert.Equal(["category", "situations", "share"], frame.Columns.Select(c => c.Name));
        Assert.Equal(5, frame.Rows.Count);
        Assert.Equal(typeof(long), frame.Columns["situations"].DataType);
        Assert.Equal(2L, frame.Columns["situations"][1]);
        Assert.Equal(2 / 3d, (double)frame.Columns["share"][1]!, 12);
        Assert.Null(frame.Columns["share"][4]);
    }

    [Fact]
    public void Another_table_is_found_by_name_and_a_wrong_name_lists_the_tables()
    {
        Assert.Equal(3, Result.ToDataFrame("housing_detail").Rows.Count);

        var error = Assert.Throws<ArgumentException>(() => Result.ToDataFrame("nope"));
        Assert.Contains("housing_detail", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_cells_use_the_invariant_culture_and_keep_full_precision()
    {
        Assert.Equal("0.3333333333333333", Table.Format(1 / 3d));
        Assert.Equal("2016-03-01", Table.Format(new DateOnly(2016, 3, 1)));
        Assert.Equal("1234567", Table.Format(1234567L));
        Assert.Null(Table.Format(double.NaN));
        Assert.Null(Table.Format(null));
    }
}
