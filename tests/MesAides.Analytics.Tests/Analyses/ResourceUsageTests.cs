using MesAides.Analytics.Analyses;
using MesAides.Analytics.Model;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Analyses;

public sealed class ResourceUsageTests
{
    // Default date 2016-03-15: M = 2016-03, the last 12 months are 2015-03 … 2016-02.
    [Fact]
    public void Counts_each_individual_once_per_type_and_shares_over_all_individuals()
    {
        var result = ResourceUsage.Analyse([
            Some.Situation(individuals: [
                Some.Individual("d", "demandeur", resources: [
                    Some.Monthly("salaire_net", "2016-02", 1200), Some.Monthly("salaire_net", "2016-01", 1200), Some.Monthly("chomage_net", "2016-02", 300)]),
                Some.Individual("c", "conjoint", resources: [Some.Monthly("salaire_net", "2015-12", 1000)]),
            ]),
            Some.Situation(individuals: [
                Some.Individual("d", "demandeur"),
                Some.Individual("e", "enfant", resources: [Some.Monthly("af", "2016-01", 130)]),
            ]),
        ]);

        Assert.Equal(4, result.Individuals);
        Assert.Equal(3, result.WithAnyResource);
        Assert.Equal(
            [("salaire_net", 2L, 0.5), ("af", 1L, 0.25), ("chomage_net", 1L, 0.25)],
            result.Types.Select(t => (t.Type, t.Individuals, t.Share)));
    }

    [Fact]
    public void Month_M_copied_by_OpenFisca_documents_and_months_before_M_minus_12_do_not_count()
    {
        var result = ResourceUsage.Analyse([
            Some.Situation(format: StorageFormat.B, individuals: [
                Some.Individual("only_m", "demandeur", resources: [Some.Monthly("salaire_net", "2016-03", 1500)]),
                Some.Individual("too_old", "conjoint", resources: [Some.Monthly("rsa", "2015-02", 500)]),
                Some.Individual("first", "enfant", resources: [Some.Monthly("aah", "2015-03", 800)]),
                Some.Individual("full", "enfant", resources: Some.OpenFisca("ppa", "2016-03", 150)),
            ]),
        ]);

        Assert.Equal(["aah", "ppa"], result.Types.Select(t => t.Type));
        Assert.All(result.Types, t => Assert.Equal(1, t.Individuals));
        Assert.Equal(2, result.WithAnyResource);
    }

    [Fact]
    public void Zero_amounts_and_fiscal_amounts_are_not_resources()
    {
        var fiscal = Some.Individual("d", "demandeur") with { FiscalResources = [Some.Fiscal("salaire_imposable", 2014, 18000)] };
        var zero = Some.Individual("c", "conjoint", resources: [Some.Monthly("salaire_net", "2016-01", 0)]);

        var result = ResourceUsage.Analyse([Some.Situation(individuals: [fiscal, zero])]);

        Assert.Empty(result.Types);
        Assert.Equal(2, result.Individuals);
        Assert.Equal(0, result.WithAnyResource);
        Assert.Equal(0, result.ShareWithAnyResource);
    }

    [Fact]
    public void A_negative_legacy_spread_month_makes_the_individual_negative()
    {
        // 3 × 1,200 entered, 3,000 a year: each of the 9 spread months is (3000 − 3600) / 9 = −66.67.
        var spread = Some.Individual("d", "demandeur", resources: Some.Legacy("salaire_net", "2016-03", 1200, 3000));
        var positive = Some.Individual("c", "conjoint", resources: Some.Legacy("chomage_net", "2016-03", 500, 6000));
        var negativeTooOld = Some.Individual("e", "enfant", resources: [Some.Monthly("af", "2015-02", -20), Some.Monthly("af", "2016-02", 130)]);

        var result = ResourceUsage.Analyse([Some.Situation(individuals: [spread, positive, negativeTooOld])]);

        Assert.True(spread.Resources.Count(r => r.Amount < 0) == 9);
        Assert.Equal(1, result.WithNegativeAmount);
        Assert.Equal(1.0 / 3, result.ShareNegative, 12);
        Assert.Equal(3, result.WithAnyResource);
    }

    [Fact]
    public void Top_and_the_ranking_without_the_two_most_declared()
    {
        // Type k is declared by k individuals: e (5), d (4), c (3), b (2), a (1).
        var individuals = Enumerable.Range(0, 5).Select(i => Some.Individual($"i{i}", "enfant", resources:
            [.. new[] { "a", "b", "c", "d", "e" }.Where((_, k) => i <= k).Select(t => Some.Monthly(t, "2016-01", 10))])).ToArray();

        var result = ResourceUsage.Analyse([Some.Situation(individuals: individuals)]);

        Assert.Equal(["e", "d", "c"], result.Top(3).Select(t => t.Type));
        Assert.Equal(["c", "b"], result.WithoutTopTwo(2).Select(t => t.Type));
        Assert.Equal(["c", "b", "a"], result.WithoutTopTwo().Select(t => t.Type));
    }

    [Fact]
    public void Tables_have_the_contract_columns()
    {
        var result = ResourceUsage.Analyse([
            Some.Situation(individuals: [Some.Individual(resources: [Some.Monthly("salaire_net", "2016-02", -5)]), Some.Individual("x", "conjoint")]),
        ]);

        var types = result.Tables.Single(t => t.Name == "resources");
        Assert.Equal(["type", "individuals", "share"], types.Columns.Select(c => c.Name));
        Assert.Equal(["salaire_net", 1L, 0.5], types.Rows.Single());

        var summary = result.Tables.Single(t => t.Name == "resources_summary");
        Assert.Equal(["measure", "individuals", "share"], summary.Columns.Select(c => c.Name));
        Assert.Equal(
            [["individuals", 2L, 1.0], ["with_any_resource", 1L, 0.5], ["with_negative_amount", 1L, 0.5]],
            summary.Rows);
    }

    [Fact]
    public void On_the_sample_counts_reconcile_with_kept_individuals()
    {
        var kept = Some.KeptSample;
        var result = ResourceUsage.Analyse(kept);

        Assert.Equal(kept.Sum(s => (long)s.Individuals.Length), result.Individuals);
        Assert.NotEmpty(result.Types);
        Assert.All(result.Types, t => Assert.Equal((double)t.Individuals / result.Individuals, t.Share, 12));
        Assert.True(result.Types[0].Individuals <= result.WithAnyResource);
        Assert.True(result.Types.Sum(t => t.Individuals) >= result.WithAnyResource);
        Assert.InRange(result.WithNegativeAmount, 1, result.WithAnyResource);
        Assert.Equal(result.Types.OrderByDescending(t => t.Individuals).ThenBy(t => t.Type, StringComparer.Ordinal), result.Types);
    }
}
