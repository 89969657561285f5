using MesAides.Analytics.Analyses;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Analyses;

public sealed class IncomeTests
{
    private static Situation WithIncome(double amount, DateOnly? date = null) =>
        Some.Situation(date: date, individuals: [Some.Individual(resources: [new MonthlyAmount("salaire_net", YearMonth.Of(date ?? Some.DefaultDate).AddMonths(-1), amount)])]);

    private static long In(IncomeResult result, string bin) => result.Bins.Single(b => b.Bin == bin).Situations;

    [Fact]
    public void Household_income_sums_every_member_over_M_minus_12_to_M_minus_1_only()
    {
        var demandeur = Some.Individual("d", "demandeur", resources: [
            .. Enumerable.Range(1, 12).Select(k => new MonthlyAmount("salaire_net", new YearMonth(2016, 3).AddMonths(-k), 1000)),
            Some.Monthly("salaire_net", "2016-03", 9999),   // month M, copied by OpenFisca-style documents
            Some.Monthly("salaire_net", "2015-02", 7777),   // M-13
        ]) with { FiscalResources = [Some.Fiscal("salaire_imposable", 2014, 20000)] };
        var conjoint = Some.Individual("c", "conjoint", resources: [Some.Monthly("chomage_net", "2016-02", 500)]);
        var situation = Some.Situation(individuals: [demandeur, conjoint]);

        Assert.Equal(12500, Income.HouseholdIncome(situation));
        var result = Income.Analyse([situation]);
        Assert.Equal(1, In(result, "(10000, 15000]"));
        Assert.Equal(1, result.Density.Single(b => b.Lower == 12000).Situations);
        Assert.Equal(1, result.Density.Sum(b => b.Situations));
    }

    [Fact]
    public void When_every_income_is_zero_all_situations_are_in_the_zero_bin()
    {
        var result = Income.Analyse([
            Some.Situation(individuals: [Some.Individual()]),
            Some.Situation(individuals: [Some.Individual(resources: [Some.Monthly("salaire_net", "2016-01", 0)])]),
            Some.Situation(individuals: [Some.Individual(resources: [Some.Monthly("salaire_net", "2016-03", 800)])]),
        ]);

        Assert.Equal(3, result.Situations);
        Assert.Equal(3, result.Zero);
        Assert.Equal(1, result.ShareZero);
        Assert.Equal(0, result.Positive);
        Assert.Null(result.Median);
        Assert.All(result.Bins.Where(b => b.Bin != "0"), b => Assert.Equal(0, b.Situations));
        Assert.All(result.Density, b => Assert.Equal(0, b.Situations));
    }

    [Fact]
    public void A_legacy_household_whose_year_cancels_its_last_three_months_is_at_exactly_zero()
    {
        // 3 × 100 entered and 0 for the year: 9 spread months of −33.333…, a sum that floating point leaves near 0.
        var situation = Some.Situation(individuals: [Some.Individual(resources: Some.Legacy("salaire_net", "2016-03", 100, 0))]);

        Assert.Equal(0, Income.HouseholdIncome(situation));
        Assert.Equal(1, Income.Analyse([situation]).Zero);
    }

    [Fact]
    public void A_negative_spread_makes_a_negative_household_income()
    {
        // 3 × 1,000 entered and −9,000 for the year: 9 spread months of (−9000 − 3000) / 9, so the 12 months sum to −9,000.
        var situation = Some.Situation(individuals: [Some.Individual(resources: Some.Legacy("salaire_net", "2016-03", 1000, -9000))]);

        Assert.Equal(-9000, Income.HouseholdIncome(situation));
        var result = Income.Analyse([situation]);
        Assert.Equal(1, In(result, "< 0"));
        Assert.Equal(0, result.Positive);
    }

    [Theory]
    [InlineData(-0.01, "< 0")]
    [InlineData(0.01, "(0, 5000]")]
    [InlineData(5000, "(0, 5000]")]
    [InlineData(5000.01, "(5000, 10000]")]
    [InlineData(45000.01, "(45000, 50000]")]
    [InlineData(50000, "(45000, 50000]")]
    [InlineData(50000.01, "> 50000")]
    public void Bins_are_closed_on_the_right(double income, string bin)
    {
        var result = Income.Analyse([WithIncome(income)]);

        Assert.Equal(1, In(result, bin));
        Assert.Equal(1, result.Bins.Sum(b => b.Situations));
    }

    [Fact]
    public void Density_has_500_euro_bins_up_to_60000_and_counts_what_is_above()
    {
        var result = Income.Analyse([WithIncome(500), WithIncome(500.01), WithIncome(60000), WithIncome(60000.01), WithIncome(0)]);

        Assert.Equal(120, result.Density.Count);
        Assert.Equal((0.0, 500.0), (result.Density[0].Lower, result.Density[0].Upper));
        Assert.Equal(1, result.Density[0].Situations);
        Assert.Equal(1, result.Density[1].Situations);
        Assert.Equal(1, result.Density[^1].Situations);
        Assert.Equal(1, result.AboveDensity);
        Assert.Equal(4, result.Positive);
    }

    [Fact]
    public void Quartiles_of_positive_incomes_are_interpolated_in_10_euro_bins()
    {
        // Bins [1000, 1010), [2000, 2010), [3000, 3010), one income each; zeros do not count.
        // Median: target 1.5 → 2000 + 10 × (1.5 − 1) / 1 = 2005; Q1: 1000 + 10 × 0.75; Q3: 3000 + 10 × (2.25 − 2).
        var result = Income.Analyse([WithIncome(1000), WithIncome(2000), WithIncome(3000), WithIncome(0)]);

        Assert.Equal(3, result.Positive);
        Assert.Equal(2005, result.Median!.Value, 9);
        Assert.Equal(1007.5, result.FirstQuartile!.Value, 9);
        Assert.Equal(3002.5, result.ThirdQuartile!.Value, 9);
    }

    [Fact]
    public void The_median_year_is_the_lower_median_of_the_dates()
    {
        var result = Income.Analyse([WithIncome(1, new DateOnly(2015, 6, 1)), WithIncome(1, new DateOnly(2016, 6, 1)), WithIncome(1, new DateOnly(2019, 6, 1)), WithIncome(1, new DateOnly(2020, 6, 1))]);

        Assert.Equal(2016, result.MedianYear);
        Assert.Null(Income.Analyse(Array.Empty<Situation>()).MedianYear);
    }

    [Fact]
    public void Income_table_has_the_contract_columns_and_open_ends()
    {
        var result = Income.Analyse([WithIncome(-5), WithIncome(0), WithIncome(0), WithIncome(12000)]);
        var table = result.Tables.Single(t => t.Name == "income");

        Assert.Equal(["bin", "lower", "upper", "situations", "share"], table.Columns.Select(c => c.Name));
        Assert.Equal(13, table.Rows.Count);
        Assert.Equal(new object?[] { "< 0", null, 0.0, 1L, 0.25 }, table.Rows[0]);
        Assert.Equal(new object?[] { "0", 0.0, 0.0, 2L, 0.5 }, table.Rows[1]);
        Assert.Equal(new object?[] { "(10000, 15000]", 10000.0, 15000.0, 1L, 0.25 }, table.Rows[4]);
        Assert.Equal(new object?[] { "> 50000", 50000.0, null, 0L, 0.0 }, table.Rows[12]);
    }

    [Fact]
    public void On_the_sample_shares_sum_to_one_and_counts_reconcile()
    {
        var kept = Some.KeptSample;
        var result = Income.Analyse(kept);

        Assert.Equal(kept.Count, result.Situations);
        Assert.Equal(kept.Count, result.Bins.Sum(b => b.Situations));
        Assert.Equal(1, result.Bins.Sum(b => b.Share), 9);
        Assert.Equal(result.Positive, result.Density.Sum(b => b.Situations) + result.AboveDensity);
        Assert.Equal(result.Positive, result.Bins.Where(b => b.Lower is not null && b.Upper != 0).Sum(b => b.Situations));
        Assert.Equal(kept.Count(s => Income.HouseholdIncome(s) == 0), result.Zero);
        Assert.InRange(result.Median!.Value, result.FirstQuartile!.Value, result.ThirdQuartile!.Value);
        Assert.InRange(result.MedianYear!.Value, 2015, 2024);
    }

    [Theory]
    [InlineData(2016, 13724.64)]
    [InlineData(2010, 13544.40)]
    [InlineData(2040, 17317.32)]
    public void Minimum_wage_of_a_year_or_of_the_nearest_year(int year, double annual) =>
        Assert.Equal(annual, MinimumWage.AnnualNet(year));

    [Fact]
    public void Minimum_wage_label_is_in_whole_euros_with_french_separators() =>
        Assert.Equal("SMIC net annuel 2016 : 13\u202F725\u00A0€", MinimumWage.Label(2016, MinimumWage.AnnualNet(2016)));
}
