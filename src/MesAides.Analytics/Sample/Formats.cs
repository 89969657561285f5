using MesAides.Analytics.Model;
using MongoDB.Bson;

namespace MesAides.Analytics.Sample;

/// <summary>Writes a drawn household as each storage generation stored it.</summary>
internal static class Formats
{
    /// <summary>Format A names: the legacy names current before the 2017 renames.</summary>
    private static string LegacyType(string type, DateOnly date) => type switch
    {
        "salaire_net" => "revenusSalarie",
        "chomage_net" => "allocationsChomage",
        "retraite_nette" => "pensionsRetraitesRentes",
        "pensions_alimentaires_percues" => "pensionsAlimentaires",
        "aide_logement" when date < new DateOnly(2015, 8, 20) => "allocationLogement",
        _ => type,
    };

    private static string LegacyHousing(HousingCategory? category, string? detail, DateOnly date) => category switch
    {
        HousingCategory.Locataire => "locataire",
        HousingCategory.Proprietaire => "proprietaire",
        HousingCategory.Heberge => date < new DateOnly(2015, 9, 30) ? "gratuit" : "heberge",
        HousingCategory.SansDomicile => "sansDomicile",
        _ => detail ?? string.Empty,
    };

    /// <summary>Individual ids derived from the situation's, so that the output is deterministic.</summary>
    private static ObjectId Derived(ObjectId id, int position)
    {
        var bytes = id.ToByteArray();
        bytes[11] = (byte)(bytes[11] + position);
        return new ObjectId(bytes);
    }

    private static BsonDateTime Midnight(DateOnly date) => new(ParisTime.Midnight(date).UtcDateTime);

    /// <summary>
    /// A (2014–2017): M-3…M-1 as entered; M-12…M-4 each get (annual − last three months) / 9, which is
    /// negative when the annual amount entered is lower than the last three months (a real UI artefact).
    /// </summary>
    public static BsonDocument Legacy(ObjectId id, DateTimeOffset instant, DateOnly date, SampleGenerator.DrawnHousehold household, Random random)
    {
        var month = YearMonth.Of(date);
        var individus = new BsonArray();
        var position = 0;
        foreach (var person in household.People)
        {
            var ressources = new BsonArray();
            foreach (var (type, monthly) in person.Resources)
            {
                var stored = LegacyType(type, date);
                var spread = household.NegativeSpread && type == "salaire_net" ? ((monthly * 2) - (monthly * 3)) / 9 : monthly;
                for (var k = 1; k <= 12; k++)
                {
                    ressources.Add(new BsonDocument
                    {
                        { "type", stored },
                        { "periode", month.AddMonths(-k).ToString() },
                        { "montant", k <= 3 ? monthly : Math.Round(spread, 2) },
                    });
                }
            }

            if (person.Role == "demandeur" && person.Resources.Count > 0 && random.NextDouble() < 0.25)
            {
                ressources.Add(new BsonDocument { { "type", "rncRevenusActivite" }, { "periode", (date.Year - 2).ToString(System.Globalization.CultureInfo.InvariantCulture) }, { "montant", Math.Round(person.Resources[0].Monthly * 11) } });
            }

            individus.Add(new BsonDocument
            {
                { "_id", Derived(id, ++position) },
                { "role", person.Role },
                { "dateDeNaissance", Midnight(person.BirthDate) },
                { "specificSituations", new BsonArray() },
                { "ressources", ressources },
                { "interruptedRessources", new BsonArray() },
            });
        }

        var adresse = new BsonDocument { { "codePostal", household.PostalCode } };
        if (household.StoreInsee)
        {
            adresse["codeInsee"] = household.Insee;
            adresse["nomCommune"] = household.Commune is { } commune && household.Insee == commune.Insee ? commune.Name.ToUpperInvariant() : "BEAUMONT-EN-VERDUNOIS";
        }

        var logement = new BsonDocument { { "adresse", adresse } };
        if (household.Category is not null)
        {
            logement["type"] = LegacyHousing(household.Category, household.Detail, date);
            if (household.Category == HousingCategory.Locataire)
            {
                logement["locationType"] = household.Detail switch
                {
                    "locataire_hlm" => "hlm",
                    "locataire_meuble" => "meublehotel",
                    "locataire_foyer" => "foyer",
                    _ => "nonmeuble",
                };
            }

            if (household.Category == HousingCategory.Proprietaire)
            {
                logement["primoAccedant"] = household.Detail == "primo_accedant";
            }
        }

        if (household.Loyer is { } loyer)
        {
            logement["loyer"] = loyer;
        }

        return new BsonDocument
        {
            { "_id", id },
            { "__v", 0 },
            { "dateDeValeur", new BsonDateTime(instant.UtcDateTime) },
            { "individus", individus },
            { "logement", logement },
            { "patrimoine", new BsonDocument { { "revenusLocatifs", new BsonArray() }, { "revenusDuCapital", new BsonArray() } } },
        };
    }

    /// <summary>B (2017–2021): one key per type, period → amount, M-12…M-1 plus M (the last month copied).</summary>
    public static BsonDocument OpenFisca(ObjectId id, DateTimeOffset instant, DateOnly date, SampleGenerator.DrawnHousehold household)
    {
        var month = YearMonth.Of(date);
        var individus = new BsonArray();
        foreach (var person in household.People)
        {
            var individu = new BsonDocument
            {
                { "id", person.Id },
                { "role", person.Role },
                { "date_naissance", person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
                { "enfant_a_charge", new BsonDocument { { date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), person.Role == "enfant" } } },
                { "specificSituations", new BsonArray() },
            };
            foreach (var (type, monthly) in person.Resources)
            {
                var periods = new BsonDocument();
                for (var k = 12; k >= 0; k--)
                {
                    periods[month.AddMonths(-k).ToString()] = monthly;
                }

                individu[type] = periods;
            }

            individus.Add(individu);
        }

        var menage = new BsonDocument
        {
            { "code_postal", household.PostalCode },
            { "depcom", (BsonValue?)household.Insee ?? BsonNull.Value },
            { "nom_commune", household.Insee == household.Commune?.Insee ? household.Commune?.Name ?? string.Empty : string.Empty },
        };
        if (household.Detail is not null)
        {
            menage["statut_occupation_logement"] = household.Detail;
        }

        if (household.Loyer is { } loyer)
        {
            menage["loyer"] = loyer;
            menage["charges_locatives"] = Math.Round(loyer * 0.1);
        }

        return new BsonDocument
        {
            { "_id", id },
            { "version", 11 },
            { "dateDeValeur", new BsonDateTime(instant.UtcDateTime) },
            { "individus", individus },
            { "menage", menage },
            { "famille", new BsonDocument { { "parisien", household.Commune?.Insee == "75056" } } },
            { "foyer_fiscal", new BsonDocument() },
        };
    }

    private static readonly Dictionary<string, string> AnswerCategory = new(StringComparer.Ordinal)
    {
        ["salaire_net"] = "revenusActivite",
        ["chomage_net"] = "allocations",
        ["retraite_nette"] = "pensions",
        ["pensions_alimentaires_percues"] = "pensions",
        ["af"] = "allocations",
        ["aide_logement"] = "allocations",
    };

    /// <summary>C (2021 →): answers; anonymised ones keep <c>age</c> instead of the birth date.</summary>
    public static BsonDocument Answers(ObjectId id, DateTimeOffset instant, DateOnly date, SampleGenerator.DrawnHousehold household, bool anonymised)
    {
        var month = YearMonth.Of(date);
        var all = new BsonArray();
        foreach (var person in household.People)
        {
            all.Add(anonymised
                ? Answer("individu", "age", person.Id, AgeAt(person.BirthDate, date))
                : Answer("individu", "date_naissance", person.Id, person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            all.Add(Answer("individu", "ressources", person.Id, new BsonArray(person.Resources.Select(r => r.Type))));
            foreach (var group in person.Resources.GroupBy(r => AnswerCategory.GetValueOrDefault(r.Type, "autre")))
            {
                var items = new BsonArray();
                foreach (var (type, monthly) in group)
                {
                    var amounts = new BsonDocument();
                    for (var k = 12; k >= 1; k--)
                    {
                        amounts[month.AddMonths(-k).ToString()] = monthly;
                    }

                    items.Add(new BsonDocument { { "id", type }, { "amounts", amounts } });
                }

                all.Add(Answer("individu", group.Key, person.Id, items));
            }
        }

        if (household.Category is { } category)
        {
            all.Add(Answer("menage", "_logementType", null, category switch
            {
                HousingCategory.Locataire => "locataire",
                HousingCategory.Proprietaire => "proprietaire",
                HousingCategory.Heberge => "heberge",
                _ => "sansDomicile",
            }));
            if (category == HousingCategory.Locataire)
            {
                all.Add(Answer("menage", "_locationType", null, household.Detail switch
                {
                    "locataire_meuble" => "meublehotel",
                    "locataire_foyer" => "foyer",
                    _ => "vide",
                }));
                all.Add(Answer("menage", "_locataireHLM", null, household.Detail == "locataire_hlm"));
            }

            if (category == HousingCategory.Proprietaire)
            {
                all.Add(Answer("menage", "_primoAccedant", null, household.Detail == "primo_accedant"));
            }
        }

        if (household.Loyer is { } loyer)
        {
            all.Add(Answer("menage", "loyer", null, new BsonDocument { { "loyer", loyer }, { "charges_locatives", Math.Round(loyer * 0.1) } }));
        }

        var depcom = new BsonDocument { { "depcom", (BsonValue?)household.Insee ?? BsonNull.Value }, { "_codePostal", household.PostalCode } };
        if (household.Commune is { } commune && household.Insee == commune.Insee)
        {
            depcom["_nomCommune"] = commune.Name;
            depcom["_departement"] = commune.Departement;
            depcom["_region"] = commune.Region;
        }

        all.Add(Answer("menage", "depcom", null, depcom));
        return new BsonDocument
        {
            { "_id", id },
            { "version", 18 },
            { "dateDeValeur", new BsonDateTime(instant.UtcDateTime) },
            { "createdAt", new BsonDateTime(instant.UtcDateTime) },
            { "answers", new BsonDocument { { "all", all }, { "current", new BsonArray() } } },
        };
    }

    private static int AgeAt(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return date < birth.AddYears(age) ? age - 1 : age;
    }

    private static BsonDocument Answer(string entity, string field, string? id, BsonValue value)
    {
        var answer = new BsonDocument { { "entityName", entity }, { "fieldName", field } };
        if (id is not null)
        {
            answer["id"] = id;
        }

        answer["value"] = value;
        return answer;
    }
}
