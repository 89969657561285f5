using System.Collections.Immutable;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Loading;

/// <summary>Format A (2014 → 2017-08): <c>individus[].ressources[] = {type, periode, montant}</c>, <c>logement.adresse</c>.</summary>
internal static class Legacy
{
    public static (Household, ImmutableArray<Individual>) Map<TNode>(TNode root)
        where TNode : struct, IDocNode<TNode>
    {
        var logement = root["logement"u8];
        var adresse = logement["adresse"u8];
        var (category, detail) = HousingStatuses.FromLegacy(
            Fields.Name(logement["type"u8], "logement.type"),
            Fields.Name(logement["locationType"u8], "logement.locationType"),
            Fields.Boolean(logement["primoAccedant"u8], "logement.primoAccedant"));
        var household = new Household(
            category,
            detail,
            Fields.Number(logement["loyer"u8], "logement.loyer"),
            Fields.Number(logement["charges"u8], "logement.charges"),
            Fields.Code(adresse["codePostal"u8], "logement.adresse.codePostal") ?? Fields.Code(logement["codePostal"u8], "logement.codePostal"),
            Fields.Code(adresse["codeInsee"u8], "logement.adresse.codeInsee"),
            Fields.Name(adresse["nomCommune"u8], "logement.adresse.nomCommune") ?? Fields.Name(adresse["ville"u8], "logement.adresse.ville"));

        return (household, SituationMapper.MapIndividuals(root["individus"u8], static (node, index) => MapIndividual(node, index)));
    }

    private static Individual MapIndividual<TNode>(TNode node, int index)
        where TNode : struct, IDocNode<TNode>
    {
        var id = Fields.String(node["_id"u8], "_id") ?? Fields.String(node["id"u8], "id") ?? $"individu_{index}";
        var individual = new SituationMapper.IndividualBuilder(id, Fields.Name(node["role"u8], "role"))
        {
            BirthDate = Fields.Date(node["dateDeNaissance"u8], "dateDeNaissance"),
        };

        var position = 0;
        foreach (var resource in node["ressources"u8].Items())
        {
            try
            {
                AddResource(individual, resource);
            }
            catch (MappingException e)
            {
                throw new MappingException(e.Reason, $"ressources[{position}].{e.Field}", e.Message);
            }

            position++;
        }

        return individual.Build();
    }

    private static void AddResource<TNode>(SituationMapper.IndividualBuilder individual, TNode resource)
        where TNode : struct, IDocNode<TNode>
    {
        var type = Fields.Name(resource["type"u8], "type")
            ?? throw new MappingException(RejectionReasons.MissingField, "type", "a resource has no type");

        // Pre-2015 entries with debutPeriode/finPeriode ranges have no periode: they cannot be placed in a month.
        var periode = resource["periode"u8];
        if (periode.Kind == NodeKind.String && Fields.TryUtf8(periode, out var utf8))
        {
            if (utf8.IsEmpty || Fields.Number(resource["montant"u8], "montant") is not { } value)
            {
                return;
            }

            individual.Add(ResourceTypes.Harmonise(type), ResourceTypes.IsFiscal(type), utf8, value, "periode");
            return;
        }

        var period = Fields.String(periode, "periode");
        var amount = Fields.Number(resource["montant"u8], "montant");
        if (period is null || amount is null)
        {
            return;
        }

        individual.Add(type, period, amount.Value, "periode");
    }
}
