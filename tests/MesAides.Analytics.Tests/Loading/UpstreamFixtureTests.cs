using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Loading;

/// <summary>Real stored documents of the simulator's public repositories, read through the public API.</summary>
public class UpstreamFixtureTests
{
    private static Situation LoadOne(string file)
    {
        var result = SituationSource.Open(Paths.Upstream(file)).Load();
        Assert.True(result.Audit.Reconciles);
        Assert.Equal(0, result.Audit.Rejected);
        return Assert.Single(result.Situations);
    }

    [SkippableFact]
    public void Legacy_test_document_of_2014_keeps_its_test_values()
    {
        var s = LoadOne("format-a_test-values_2014.json");

        Assert.Equal("53cd46e76e5e3202000f4616", s.Id);
        Assert.Equal(StorageFormat.A, s.Format);
        Assert.Equal(3, s.Version);
        Assert.Equal(new DateOnly(2014, 7, 15), s.Date);
        Assert.Equal(HousingCategory.Locataire, s.Household.Category);
        Assert.Equal("locataire_vide", s.Household.HousingDetail);
        Assert.Equal(123, s.Household.Loyer);
        Assert.Equal("123", s.Household.PostalCode);
        Assert.Null(s.Household.Insee);
        var demandeur = Assert.Single(s.Individuals);
        Assert.Equal("demandeur", demandeur.Role);
        Assert.Equal(new DateOnly(1954, 9, 14), demandeur.BirthDate);
        Assert.Equal(59, demandeur.AgeAt(s.Date));
        Assert.Equal(
            [Some.Monthly("salaire_net", "2014-04", 720), Some.Monthly("salaire_net", "2014-05", 720), Some.Monthly("salaire_net", "2014-06", 720)],
            demandeur.Resources.ToArray());
        Assert.Empty(demandeur.FiscalResources);
    }

    [SkippableFact]
    public void Legacy_NM2_situation_without_id_nor_housing_has_twelve_months_of_unemployment()
    {
        var s = LoadOne("format-a_nm2-situation_2017.json");

        Assert.Equal("#1", s.Id);
        Assert.Equal(StorageFormat.A, s.Format);
        Assert.Equal(new DateOnly(2017, 4, 12), s.Date);
        Assert.Null(s.Household.Category);
        Assert.Null(s.Household.PostalCode);
        var demandeur = Assert.Single(s.Individuals);
        Assert.Null(demandeur.BirthDate);
        Assert.Null(demandeur.AgeAt(s.Date));
        Assert.Equal(12, demandeur.Resources.Length);
        Assert.All(demandeur.Resources, r => Assert.Equal("chomage_net", r.Type));
        Assert.Equal(3 * 1200 + 9 * 400, demandeur.Resources.Sum(r => r.Amount));
        Assert.Equal(1200, demandeur.Resources.Single(r => r.Month == new YearMonth(2017, 3)).Amount);
        Assert.Equal(400, demandeur.Resources.Single(r => r.Month == new YearMonth(2016, 4)).Amount);
    }

    [SkippableFact]
    public void OpenFisca_sample_situation_of_2019_reads_menage_and_Paris_birth_date()
    {
        var s = LoadOne("format-b_sample-situation_2019.json");

        Assert.Equal("5d9630bbfb4fcd78e2bdc794", s.Id);
        Assert.Equal(StorageFormat.B, s.Format);
        Assert.Equal(11, s.Version);
        Assert.Equal("new", s.Status);
        Assert.Equal("5d963046fb4fcd78e2bdc793", s.ModifiedFrom);
        Assert.Equal(new DateOnly(2019, 10, 3), s.Date);
        Assert.Equal(new DateTimeOffset(2019, 10, 3, 17, 30, 10, TimeSpan.Zero), s.DateDeValeur);
        Assert.Equal(new Household(HousingCategory.Locataire, "locataire_vide", 550, 50, "64000", "64445", "Pau"), s.Household);
        var demandeur = Assert.Single(s.Individuals);
        Assert.Equal("demandeur", demandeur.Id);
        Assert.Equal("demandeur", demandeur.Role);
        Assert.Equal(new DateOnly(1989, 1, 1), demandeur.BirthDate);
        Assert.Empty(demandeur.Resources); // enfant_a_charge: {"2019": false} is not a resource
        Assert.Empty(demandeur.FiscalResources);
    }

    [SkippableFact]
    public void OpenFisca_Loiret_teleservice_has_thirteen_months_of_three_resources()
    {
        var s = LoadOne("format-b_loiret-teleservice_2018.json");

        Assert.Equal(StorageFormat.B, s.Format);
        Assert.Equal(new DateOnly(2018, 7, 14), s.Date);
        var demandeur = Assert.Single(s.Individuals);
        Assert.Equal(new DateOnly(1983, 6, 5), demandeur.BirthDate);
        Assert.Equal(35, demandeur.AgeAt(s.Date));
        Assert.Equal(39, demandeur.Resources.Length);
        var byType = demandeur.Resources.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(["indemnites_journalieres_maladie_professionnelle", "retraite_nette", "salaire_net"], byType.Keys.Order());
        Assert.All(byType["salaire_net"], r => Assert.Equal(2200, r.Amount));
        Assert.All(byType["retraite_nette"], r => Assert.Equal(100, r.Amount));
        Assert.Equal(new YearMonth(2017, 7), byType["salaire_net"].Min(r => r.Month));
        Assert.Equal(new YearMonth(2018, 7), byType["salaire_net"].Max(r => r.Month));
    }

    [SkippableFact]
    public void Answers_of_2021_read_pensions_amounts_and_fiscal_resources()
    {
        var s = LoadOne("format-c_answers_2021.json");

        Assert.Equal(StorageFormat.C, s.Format);
        Assert.Equal(3, s.Version);
        Assert.Equal(new DateOnly(2021, 12, 9), s.Date);
        var demandeur = Assert.Single(s.Individuals);
        Assert.Equal("demandeur", demandeur.Role);
        Assert.Equal(new DateOnly(2000, 1, 1), demandeur.BirthDate);
        Assert.Equal(13, demandeur.Resources.Length);
        Assert.All(demandeur.Resources, r => Assert.Equal(("pensions_alimentaires_percues", 100d), (r.Type, r.Amount)));
        Assert.Equal(new YearMonth(2020, 12), demandeur.Resources.Min(r => r.Month));
        Assert.Equal(
            [new FiscalAmount("retraite_imposable", 2019, 1200), new FiscalAmount("pensions_alimentaires_percues", 2019, 2400)],
            demandeur.FiscalResources.ToArray());
    }

    [SkippableFact]
    public void Anonymised_answers_of_2023_carry_age_and_commune_objects()
    {
        var s = LoadOne("format-c_anonymized_2023.json");

        Assert.Equal("123", s.Id);
        Assert.Equal(StorageFormat.C, s.Format);
        Assert.Equal("anonymized", s.Status);
        Assert.Equal(new DateOnly(2023, 4, 20), s.Date);
        Assert.Equal(new Household(HousingCategory.Proprietaire, "proprietaire", 120, null, "75011", "75056", "Paris"), s.Household);
        var demandeur = Assert.Single(s.Individuals);
        Assert.Null(demandeur.BirthDate);
        Assert.Equal(29, demandeur.DeclaredAge);
        Assert.Equal(29, demandeur.AgeAt(s.Date));
        Assert.Empty(demandeur.Resources);
    }
}
