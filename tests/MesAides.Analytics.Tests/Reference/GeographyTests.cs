using MesAides.Analytics.Reference;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Reference;

public class GeographyTests
{
    private static readonly Geography Geo = Geography.Default;

    [Fact]
    public void Codes_keep_their_leading_zero_and_Corsican_letters()
    {
        Assert.Equal("Bourg-en-Bresse", Geo.Find("01053")!.Name);
        Assert.Contains("01000", Geo.Find("01053")!.PostalCodes);
        Assert.Equal("2A", Geo.Find("2A004")!.Departement);
        Assert.Equal("Ajaccio", Geo.Find("2A004")!.Name);
    }

    [Fact]
    public void A_postal_code_of_one_commune_resolves_uniquely()
    {
        var location = Geo.Resolve(Some.Household(postalCode: "64000", insee: null));

        Assert.Equal(("64445", Resolution.PostalUnique), (location.Commune!.Insee, location.Resolution));
        Assert.Equal(("01053", Resolution.PostalAmbiguous), (Geo.Resolve(Some.Household(postalCode: "01000", insee: null)) is var bourg ? (bourg.Commune!.Insee, bourg.Resolution) : default));
    }

    [Fact]
    public void A_shared_postal_code_goes_to_its_most_populous_commune_and_says_so()
    {
        var location = Geo.Resolve(Some.Household(postalCode: "55100", insee: null));

        Assert.Equal(("55545", Resolution.PostalAmbiguous), (location.Commune!.Insee, location.Resolution));
        Assert.True(Geo.ByPostalCode("55100").Count > 1);
    }

    [Fact]
    public void An_INSEE_code_wins_over_the_postal_code()
    {
        var location = Geo.Resolve(Some.Household(postalCode: "55100", insee: "55039"));

        Assert.Equal(("55039", Resolution.Insee), (location.Commune!.Insee, location.Resolution));
        Assert.Equal(0, location.Commune.Population);
    }

    [Theory]
    [InlineData("49071", "49092")] // Chanzeaux, commune déléguée of Chemillé-en-Anjou since 15 Dec 2015
    [InlineData("50173", "50129")] // Équeurdreville-Hainneville → Cherbourg-en-Cotentin (2016)
    [InlineData("74011", "74010")] // Annecy-le-Vieux → Annecy (2017)
    [InlineData("75111", "75056")] // Paris 11e arrondissement → Paris
    [InlineData("13201", "13055")] // Marseille 1er → Marseille
    public void Old_and_arrondissement_codes_resolve_to_today_s_commune(string old, string current)
    {
        var location = Geo.Resolve(Some.Household(postalCode: null, insee: old));

        Assert.Equal(current, location.Commune!.Insee);
        Assert.Equal(Resolution.Insee, location.Resolution);
        Assert.True(location.Commune.Population > 0);
    }

    [Fact]
    public void Paris_postal_codes_land_on_Paris()
    {
        Assert.Equal("75056", Geo.Resolve(Some.Household(postalCode: "75011", insee: null)).Commune!.Insee);
    }

    [Fact]
    public void Unknown_codes_are_unknown() =>
        Assert.Equal(Location.Unknown, Geo.Resolve(Some.Household(postalCode: "123", insee: null)));

    [Fact]
    public void Every_INSEE_code_of_the_committed_sample_resolves()
    {
        var situations = Analytics.Loading.SituationSource.Sample().Load().Situations;
        var unresolved = situations
            .Where(s => s.Household.Insee is { } insee && !new Analytics.Cleaning.CleaningOptions().TestCommunes.Contains(insee))
            .Where(s => Geo.FindCurrent(s.Household.Insee!) is null)
            .Select(s => s.Household.Insee)
            .ToList();

        Assert.Empty(unresolved);
        Assert.True(situations.Count(s => s.Household.Insee is not null) > 4000);
    }

    [Fact]
    public void Departements_and_regions_have_names()
    {
        Assert.Equal("Corse-du-Sud", Geo.DepartementNames["2A"]);
        Assert.Equal("Île-de-France", Geo.RegionNames["11"]);
    }
}
