using MesAides.Analytics.Analyses;
using MesAides.Analytics.Model;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Analyses;

public sealed class AgesAndHouseholdsTests
{
    private static long Count(AgeResult result, string band, string role) =>
        result.Ages.Single(a => a.Band == band && a.Role == role).Individuals;

    private static Individual Child(int age) => Some.Individual($"enfant_{age}", "enfant", age: age);

    [Theory]
    [InlineData(0, "0-9")]
    [InlineData(9, "0-9")]
    [InlineData(10, "10-17")]
    [InlineData(17, "10-17")]
    [InlineData(18, "18-24")]
    [InlineData(24, "18-24")]
    [InlineData(25, "25-39")]
    [InlineData(39, "25-39")]
    [InlineData(40, "40-59")]
    [InlineData(59, "40-59")]
    [InlineData(60, "60-74")]
    [InlineData(74, "60-74")]
    [InlineData(75, "75+")]
    [InlineData(120, "75+")]
    [InlineData(-1, "inconnu")]
    [InlineData(null, "inconnu")]
    public void Bands_by_age(int? age, string band) => Assert.Equal(band, AgesAndHouseholds.BandOf(age));

    [Fact]
    public void Ages_at_the_date_of_value_from_birth_dates_declared_ages_or_unknown()
    {
        // Date of value 2016-03-15.
        var result = AgesAndHouseholds.Analyse([
            Some.Situation(format: StorageFormat.A, individuals: [
                Some.Individual("d", "demandeur", birthDate: new DateOnly(1980, 5, 17)),      // 35
                Some.Individual("c", "conjoint", birthDate: new DateOnly(1991, 3, 15)),       // 25 that day
                Some.Individual("e1", "enfant", birthDate: new DateOnly(2006, 3, 16)),        // 9, 10 the next day
                Some.Individual("x", "personneACharge", birthDate: new DateOnly(1940, 1, 1)), // 76, a 2014 role
            ]),
            Some.Situation(format: StorageFormat.C, individuals: [
                Some.Individual("demandeur", "demandeur", age: 24),
                Some.Individual("enfant_0", "enfant", age: 10),
                Some.Individual("enfant_1", "enfant") with { BirthDate = null },
            ]),
        ]);

        Assert.Equal(1, Count(result, "25-39", "demandeur"));
        Assert.Equal(1, Count(result, "18-24", "demandeur"));
        Assert.Equal(1, Count(result, "25-39", "conjoint"));
        Assert.Equal(1, Count(result, "0-9", "enfant"));
        Assert.Equal(1, Count(result, "10-17", "enfant"));
        Assert.Equal(1, Count(result, "inconnu", "enfant"));
        Assert.Equal(1, Count(result, "75+", "autre"));
        Assert.Equal(7, result.Individuals);
        Assert.Equal(7, result.Ages.Sum(a => a.Individuals));
        Assert.Equal(1.0 / 3, result.Ages.Single(a => a.Band == "inconnu" && a.Role == "enfant").Share, 12);
        Assert.Equal(0.5, result.Ages.Single(a => a.Band == "18-24" && a.Role == "demandeur").Share, 12);
    }

    [Fact]
    public void Households_by_number_of_children_and_couples()
    {
        var demandeur = Some.Individual("d", "demandeur");
        var conjoint = Some.Individual("c", "conjoint");
        var result = AgesAndHouseholds.Analyse([
            Some.Situation(individuals: [demandeur]),
            Some.Situation(individuals: [demandeur, conjoint, Child(3)]),
            Some.Situation(individuals: [demandeur, Child(3), Child(5)]),
            Some.Situation(individuals: [demandeur, conjoint, Child(1), Child(2), Child(3)]),
            Some.Situation(individuals: [demandeur, Child(1), Child(2), Child(3), Child(4)]),
            Some.Situation(individuals: [demandeur, conjoint, Child(1), Child(2), Child(3), Child(4), Child(5)]),
        ]);

        Assert.Equal(["0", "1", "2", "3", "4+"], result.Children.Select(c => c.Children));
        Assert.Equal([1L, 1, 1, 1, 2], result.Children.Select(c => c.Situations));
        Assert.Equal(2.0 / 6, result.Children[^1].Share, 12);
        Assert.Equal(3, result.Couples);
        Assert.Equal(0.5, result.ShareCouples);
        Assert.Equal(6, result.Situations);
    }

    [Fact]
    public void Tables_cover_every_band_and_role_and_both_couple_rows()
    {
        var result = AgesAndHouseholds.Analyse([Some.Situation(individuals: [Some.Individual(), Some.Individual("c", "conjoint", age: 30)])]);

        var ages = result.Tables.Single(t => t.Name == "ages");
        Assert.Equal(["band", "role", "individuals", "share"], ages.Columns.Select(c => c.Name));
        Assert.Equal(32, ages.Rows.Count);
        Assert.Equal(new object?[] { "25-39", "conjoint", 1L, 1.0 }, ages.Rows.Single(r => (string)r[0]! == "25-39" && (string)r[1]! == "conjoint"));
        Assert.Equal(new object?[] { "0-9", "enfant", 0L, 0.0 }, ages.Rows.Single(r => (string)r[0]! == "0-9" && (string)r[1]! == "enfant"));

        var households = result.Tables.Single(t => t.Name == "households");
        Assert.Equal(["children", "situations", "share"], households.Columns.Select(c => c.Name));
        Assert.Equal(new object?[] { "0", 1L, 1.0 }, households.Rows[0]);

        var couples = result.Tables.Single(t => t.Name == "couples");
        Assert.Equal([new object?[] { "avec conjoint", 1L, 1.0 }, new object?[] { "sans conjoint", 0L, 0.0 }], couples.Rows);
    }

    [Fact]
    public void On_the_sample_shares_sum_to_one_and_counts_reconcile()
    {
        var kept = Some.KeptSample;
        var result = AgesAndHouseholds.Analyse(kept);

        Assert.Equal(kept.Count, result.Situations);
        Assert.Equal(kept.Sum(s => (long)s.Individuals.Length), result.Individuals);
        foreach (var role in AgesAndHouseholds.Roles.Where(r => result.InRole(r) > 0))
        {
            Assert.Equal(1, result.Ages.Where(a => a.Role == role).Sum(a => a.Share), 9);
        }

        Assert.Equal(kept.Sum(s => (long)s.Individuals.Count(i => i.Role == "demandeur")), result.InRole("demandeur"));
        Assert.Equal(kept.Count, result.Children.Sum(c => c.Situations));
        Assert.Equal(1, result.Children.Sum(c => c.Share), 9);
        Assert.Equal(1, result.CoupleTable.Rows.Sum(r => (double)r[2]!), 9);
        Assert.Equal(kept.Sum(s => (long)s.Individuals.Count(i => i.Role == "enfant")), result.InRole("enfant"));
    }
}
