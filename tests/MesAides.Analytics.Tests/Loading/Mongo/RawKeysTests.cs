using MesAides.Analytics.Loading;
using MesAides.Analytics.Loading.Mongo;
using MesAides.Analytics.Model;
using MongoDB.Bson;

namespace MesAides.Analytics.Tests.Loading.Mongo;

/// <summary>Raw values grouped on the server become model values through the mapper's own code.</summary>
public class RawKeysTests
{
    [Theory]
    [InlineData("""{ "f" : "A", "type" : "locataire", "locationType" : "hlm" }""", HousingCategory.Locataire, "locataire_hlm")]
    [InlineData("""{ "f" : "A", "type" : "proprietaire", "primoAccedant" : true }""", HousingCategory.Proprietaire, "primo_accedant")]
    [InlineData("""{ "f" : "A", "type" : "gratuit" }""", HousingCategory.Heberge, "loge_gratuitement")]
    [InlineData("""{ "f" : "A" }""", null, null)]
    [InlineData("""{ "f" : "B", "status" : "Locataire d'un logement HLM" }""", HousingCategory.Locataire, "locataire_hlm")]
    [InlineData("""{ "f" : "B", "status" : null }""", null, null)]
    [InlineData("""{ "f" : "C", "logementType" : "locataire", "locationType" : "vide", "hlm" : true }""", HousingCategory.Locataire, "locataire_hlm")]
    [InlineData("""{ "f" : "C", "statut" : "proprietaire" }""", HousingCategory.Proprietaire, "proprietaire")]
    [InlineData("""{ "f" : "C", "logementType" : "sansDomicile" }""", HousingCategory.SansDomicile, "sans_domicile")]
    public void Housing_keys_map_as_HousingStatuses_does(string key, HousingCategory? category, string? detail)
    {
        var household = RawKeys.Housing(BsonDocument.Parse(key));

        Assert.Equal(category, household.Category);
        Assert.Equal(detail, household.HousingDetail);
    }

    [Theory]
    [InlineData("""{ "postal" : "31000", "insee" : "31555" }""", "31000", "31555")]
    [InlineData("""{ "postal" : "1000", "insee" : "1053" }""", "01000", "01053")]
    [InlineData("""{ "postal" : "", "postal2" : "75001" }""", "75001", null)]
    [InlineData("""{ "postal" : " 64000 ", "insee" : null }""", "64000", null)]
    [InlineData("""{ }""", null, null)]
    public void Geography_keys_normalise_codes_as_the_mapper_does(string key, string? postal, string? insee)
    {
        var household = RawKeys.Geography(BsonDocument.Parse(key));

        Assert.Equal(postal, household.PostalCode);
        Assert.Equal(insee, household.Insee);
    }

    [Fact]
    public void A_value_the_mapper_would_reject_is_rejected_here_too()
    {
        Assert.Throws<MappingException>(() => RawKeys.Housing(BsonDocument.Parse("""{ "f" : "A", "type" : { "x" : 1 } }""")));
    }
}
