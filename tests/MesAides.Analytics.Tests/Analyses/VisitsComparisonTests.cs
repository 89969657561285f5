using MesAides.Analytics.Analyses;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Analyses;

public sealed class VisitsComparisonTests
{
    private static VisitsData Visits(params (int Day, long Visits)[] days) =>
        new("v.csv", "date", "nb_visits", [.. days.Select(d => (new DateOnly(2016, 3, d.Day), d.Visits))], days.Length, 0, []);

    private static IEnumerable<Situation> On(int day, int count) =>
        Enumerable.Range(0, count).Select(_ => Some.Situation(date: new DateOnly(2016, 3, day)));

    [Fact]
    public void Proportional_series_correlate_perfectly_and_nothing_diverges()
    {
        var result = VisitsComparison.Analyse([.. On(1, 1), .. On(2, 2), .. On(3, 3)], Visits((1, 10), (2, 20), (3, 30)));

        Assert.Equal(3, result.Days.Count);
        Assert.Equal(1, result.Correlation.Pearson!.Value, 12);
        Assert.Equal(1, result.Correlation.Spearman!.Value, 12);
        Assert.All(result.Days, d => Assert.Equal(0.1, d.Ratio!.Value, 12));
        Assert.Empty(result.Divergent);
    }

    [Fact]
    public void Series_are_aligned_on_shared_days_within_the_situations_range()
    {
        // Situations on 2 and 5 March: days 3 and 4 have none. Visits on 1 March (before) and 9 March (after) are left out.
        var result = VisitsComparison.Analyse([.. On(2, 4), .. On(5, 2)], Visits((1, 50), (2, 40), (3, 30), (5, 20), (9, 10)));

        Assert.Equal([(2, 4L, 40L), (3, 0L, 30L), (5, 2L, 20L)], result.Days.Select(d => (d.Date.Day, d.Situations, d.Visits)));
        Assert.True(result.Days[1].Diverges);     // visits without any situation
        Assert.Equal(0, result.Days[1].Ratio);
        Assert.Null(result.Days[1].Z);
    }

    [Fact]
    public void A_day_whose_log_ratio_strays_more_than_two_standard_deviations_diverges()
    {
        // Nine days at 1 situation per 10 visits, one at 10 per 10. With m equal log-ratios and one other, the
        // other's z-score is m / sqrt(m + 1) = 9 / sqrt(10) = 2.85, the others' -1 / sqrt(10).
        var situations = Enumerable.Range(1, 9).SelectMany(d => On(d, 1)).Concat(On(10, 10)).ToList();
        var visits = Visits([.. Enumerable.Range(1, 10).Select(d => (d, 10L))]);
        var result = VisitsComparison.Analyse(situations, visits);

        Assert.Equal([10], result.Divergent.Select(d => d.Date.Day));
        Assert.Equal(9 / Math.Sqrt(10), result.Days[^1].Z!.Value, 9);
        Assert.Equal(-1 / Math.Sqrt(10), result.Days[0].Z!.Value, 9);
    }

    [Fact]
    public void The_threshold_is_an_option()
    {
        // Three equal days and one other: its z-score is 3 / sqrt(4) = 1.5.
        var situations = On(1, 1).Concat(On(2, 1)).Concat(On(3, 1)).Concat(On(4, 5)).ToList();
        var visits = Visits((1, 10), (2, 10), (3, 10), (4, 10));

        Assert.Empty(VisitsComparison.Analyse(situations, visits).Divergent);
        var strict = VisitsComparison.Analyse(situations, visits, new VisitsOptions(1.4));
        Assert.Equal([4], strict.Divergent.Select(d => d.Date.Day));
        Assert.Equal(1.4, strict.Threshold);
    }

    [Fact]
    public void Table_has_the_contract_columns()
    {
        var result = VisitsComparison.Analyse([.. On(1, 3), .. On(2, 1)], Visits((1, 12), (2, 0)));
        var table = result.DaysTable;

        Assert.Equal("visits", table.Name);
        Assert.Equal(["date", "situations", "visits", "ratio", "diverges"], table.Columns.Select(c => c.Name));
        Assert.Equal(["2016-03-01", "3", "12", "0.25", "false"], table.Rows[0].Select(Table.Format));
        Assert.Equal(["2016-03-02", "1", "0", null, "true"], table.Rows[1].Select(Table.Format));
    }

    [Fact]
    public void Without_situations_there_is_nothing_to_compare()
    {
        var result = VisitsComparison.Analyse(Array.Empty<Situation>(), Visits((1, 10)));
        Assert.Empty(result.Days);
        Assert.Null(result.Correlation.Pearson);
    }
}
