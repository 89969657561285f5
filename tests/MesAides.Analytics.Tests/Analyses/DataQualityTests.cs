using MesAides.Analytics.Analyses;
using MesAides.Analytics.Model;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Analyses;

public sealed class DataQualityTests
{
    [Fact]
    public void Missing_shares_per_field_and_format_by_hand()
    {
        var noAddress = Some.Household(postalCode: null, insee: null, commune: null);
        var tenantWithoutRent = Some.Household(loyer: null, insee: null);
        var owner = Some.Household(HousingCategory.Proprietaire, "proprietaire", loyer: null);
        var unanswered = Some.Household(category: null, detail: null, loyer: null);
        var noBirth = Some.Individual("enfant", "enfant") with { BirthDate = null };
        var noRole = Some.Individual("x") with { Role = null };

        var result = DataQuality.Analyse([
            Some.Situation(household: noAddress, format: StorageFormat.A),
            Some.Situation(household: tenantWithoutRent, format: StorageFormat.A, individuals: [Some.Individual(), noBirth]),
            Some.Situation(household: owner, format: StorageFormat.A, individuals: [Some.Individual(), noRole]),
            Some.Situation(household: unanswered, format: StorageFormat.C, individuals: [Some.Individual(age: 40)]),
        ]);

        // Format A: 3 situations, 2 tenants, 5 individuals.
        Assert.Equal((0L, 3L), Pair(result.Get("A", "date_de_valeur")));
        Assert.Equal((0L, 3L), Pair(result.Get("A", "housing")));
        Assert.Equal((1L, 2L), Pair(result.Get("A", "rent")));             // tenants only: the owner's missing rent does not count
        Assert.Equal((1L, 3L), Pair(result.Get("A", "postal_code")));
        Assert.Equal((2L, 3L), Pair(result.Get("A", "insee")));
        Assert.Equal((1L, 3L), Pair(result.Get("A", "commune")));
        Assert.Equal((1L, 3L), Pair(result.Get("A", "resolved_commune")));  // no postal code and no INSEE code; 31000 alone resolves
        Assert.Equal((1L, 5L), Pair(result.Get("A", "birth_date_or_age")));
        Assert.Equal((1L, 5L), Pair(result.Get("A", "role")));
        Assert.Equal(2.0 / 3, result.Get("A", "insee").Share, 12);

        // Format C: the declared age stands for a birth date; no tenant, so no rent row with a total.
        Assert.Equal((0L, 1L), Pair(result.Get("C", "birth_date_or_age")));
        Assert.Equal((1L, 1L), Pair(result.Get("C", "housing")));
        Assert.Equal((0L, 0L), Pair(result.Get("C", "rent")));
        Assert.Equal(0, result.Get("C", "rent").Share);

        // No format B rows; "all" adds up A and C.
        Assert.Equal(["A", "C", "all"], result.Formats);
        Assert.Equal((1L, 4L), Pair(result.Get("all", "housing")));
        Assert.Equal((1L, 6L), Pair(result.Get("all", "birth_date_or_age")));
    }

    [Fact]
    public void Table_has_every_field_for_every_format_present()
    {
        var result = DataQuality.Analyse([Some.Situation(format: StorageFormat.B)]);
        var table = result.Table;

        Assert.Equal("data_quality", table.Name);
        Assert.Equal(["format", "field", "missing", "total", "share"], table.Columns.Select(c => c.Name));
        Assert.Equal(2 * DataQuality.Fields.Count, table.Rows.Count);
        Assert.Equal(["B", "date_de_valeur", "0", "1", "0"], table.Rows[0].Select(Table.Format));
        Assert.Equal(DataQuality.Fields, table.Rows.Take(DataQuality.Fields.Count).Select(r => (string)r[1]!));
    }

    private static (long, long) Pair(FieldQuality row) => (row.Missing, row.Total);
}
