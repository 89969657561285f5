using MesAides.Analytics.Analyses;
using MesAides.Analytics.Model;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Analyses;

public sealed class RentTests
{
    private static Situation Tenant(double? loyer, string? insee = "31555", string? postalCode = "31000") =>
        Some.Situation(household: Some.Household(loyer: loyer, insee: insee, postalCode: postalCode));

    private static Situation Owner(double loyer) =>
        Some.Situation(household: Some.Household(HousingCategory.Proprietaire, "proprietaire", loyer));

    [Fact]
    public void Only_tenants_with_a_rent_strictly_between_50_and_3000_are_in_the_distribution()
    {
        var result = Rent.Analyse([Tenant(450), Tenant(50), Tenant(3000), Tenant(2999.99), Tenant(null), Owner(450), Tenant(99.99), Tenant(100)]);

        Assert.Equal(7, result.Tenants);
        Assert.Equal(4, result.InRange);
        Assert.Equal(59, result.Bins.Count);
        Assert.Equal((50.0, 100.0, 1L), (result.Bins[0].Lower, result.Bins[0].Upper, result.Bins[0].Situations));
        Assert.Equal(1, result.Bins.Single(b => b.Lower == 100).Situations);
        Assert.Equal(1, result.Bins.Single(b => b.Lower == 450).Situations);
        Assert.Equal((2950.0, 3000.0, 1L), (result.Bins[^1].Lower, result.Bins[^1].Upper, result.Bins[^1].Situations));
        Assert.Equal(4, result.Bins.Sum(b => b.Situations));
    }

    [Fact]
    public void One_commune_one_departement_median_and_quartiles_interpolated_in_10_euro_bins()
    {
        // 10 € bins centred on multiples of 10: [395, 405), [445, 455), [495, 505), one rent each.
        // Median: 445 + 10 × (1.5 − 1) = 450; Q1: 395 + 10 × 0.75 = 402.5; Q3: 495 + 10 × (2.25 − 2) = 497.5.
        var result = Rent.Analyse([Tenant(400), Tenant(450), Tenant(500)]);

        Assert.Equal(450, result.Median!.Value, 9);
        Assert.Equal(402.5, result.FirstQuartile!.Value, 9);
        Assert.Equal(497.5, result.ThirdQuartile!.Value, 9);
        Assert.Equal(450, result.Mean!.Value, 9);
        var toulouse = Assert.Single(result.Departements);
        Assert.Equal(("31", "Haute-Garonne", 3L), (toulouse.Departement, toulouse.Name, toulouse.Situations));
        Assert.Equal(450, toulouse.Median!.Value, 9);
        Assert.Equal(450, toulouse.Mean!.Value, 9);
    }

    [Fact]
    public void Departements_sorted_by_tenants_without_those_with_none_and_unknown_communes_apart()
    {
        var result = Rent.Analyse([
            Tenant(600, "75056", "75011"), Tenant(800, "75056", "75011"), Tenant(1000, "75056", "75011"),
            Tenant(400),
            Tenant(500, insee: null, postalCode: null),
            Tenant(20, "64445", "64000"),   // Pau: a tenant, but not in range
            Owner(700),
        ]);

        Assert.Equal(["75", "31"], result.Departements.Select(d => d.Departement));
        Assert.Equal([3L, 1L], result.Departements.Select(d => d.Situations));
        Assert.Equal(800, result.Departements[0].Mean!.Value, 9);
        Assert.Equal(1, result.WithoutDepartement);
        Assert.Equal(5, result.InRange);
        Assert.Equal(6, result.Tenants);
    }

    [Fact]
    public void Tables_have_the_contract_columns()
    {
        var result = Rent.Analyse([Tenant(420), Tenant(480)]);

        var rent = result.Tables.Single(t => t.Name == "rent");
        Assert.Equal(["lower", "upper", "situations"], rent.Columns.Select(c => c.Name));
        Assert.Equal(new object?[] { 400.0, 450.0, 1L }, rent.Rows[7]);

        var departements = result.Tables.Single(t => t.Name == "rent_departements");
        Assert.Equal(["departement", "situations", "median", "mean"], departements.Columns.Select(c => c.Name));
        // [415, 425) and [475, 485): median 415 + 10 × (1 − 0) / 1 = 425.
        Assert.Equal(new object?[] { "31", 2L, 425.0, 450.0 }, departements.Rows.Single());
    }

    [Fact]
    public void Binned_values_quantiles_are_within_one_bin_of_the_exact_ones()
    {
        var values = new BinnedValues(45, 10, 296);
        var exact = Enumerable.Range(0, 2001).Select(i => 51 + (i * 1.3)).ToArray();
        foreach (var v in exact)
        {
            values.Add(v);
        }

        Assert.Equal(exact.Average(), values.Mean!.Value, 9);
        Assert.InRange(values.Quantile(0.5)!.Value, exact[1000] - 10, exact[1000] + 10);
        Assert.InRange(values.Quantile(0.25)!.Value, exact[500] - 10, exact[500] + 10);
    }

    [Fact]
    public void Binned_values_outside_the_bins_are_counted_and_make_their_quantiles_unknown()
    {
        var values = new BinnedValues(0, 10, 3);
        Assert.Null(values.Quantile(0.5));
        Assert.Null(values.Mean);

        values.Add(-1);
        values.Add(5);
        values.Add(31);

        Assert.Equal((1L, 1L, 3L), (values.Below, values.Above, values.Count));
        Assert.Null(values.Quantile(0.2));
        Assert.Equal(5, values.Quantile(0.5)!.Value, 9);
        Assert.Null(values.Quantile(0.9));
    }

    [Fact]
    public void On_the_sample_counts_reconcile_with_tenants_and_kept_situations()
    {
        var kept = Some.KeptSample;
        var result = Rent.Analyse(kept);

        Assert.Equal(Housing.Analyse(kept).ByCategory[HousingCategory.Locataire], result.Tenants);
        Assert.Equal(kept.Count(s => s.Household is { Category: HousingCategory.Locataire, Loyer: > 50 and < 3000 }), result.InRange);
        Assert.Equal(result.InRange, result.Bins.Sum(b => b.Situations));
        Assert.Equal(result.InRange, result.Departements.Sum(d => d.Situations) + result.WithoutDepartement);
        Assert.All(result.Departements, d => Assert.InRange(d.Median!.Value, 45, 3005));
        Assert.InRange(result.Median!.Value, result.FirstQuartile!.Value, result.ThirdQuartile!.Value);
    }
}
