using System.Collections.Immutable;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Loading;

/// <summary>
/// Format B (2017-08 → 2021): <c>menage</c>, <c>famille</c>, <c>foyer_fiscal</c>, and individuals holding one
/// key per resource type whose value maps periods to amounts.
/// </summary>
internal static class OpenFisca
{
    public static (Household, ImmutableArray<Individual>) Map<TNode>(TNode root)
        where TNode : struct, IDocNode<TNode>
    {
        var menage = root["menage"u8];
        var (category, detail) = HousingStatuses.FromOpenFisca(Fields.Name(menage["statut_occupation_logement"u8], "menage.statut_occupation_logement"));
        var household = new Household(
            category,
            detail,
            Fields.Number(menage["loyer"u8], "menage.loyer"),
            Fields.Number(menage["charges_locatives"u8], "menage.charges_locatives"),
            Fields.Code(menage["code_postal"u8], "menage.code_postal"),
            Fields.Code(menage["depcom"u8], "menage.depcom"),
            Fields.Name(menage["nom_commune"u8], "menage.nom_commune"));

        return (household, SituationMapper.MapIndividuals(root["individus"u8], static (node, index) => MapIndividual(node, index)));
    }

    private static Individual MapIndividual<TNode>(TNode node, int index)
        where TNode : struct, IDocNode<TNode>
    {
        var id = Fields.Name(node["id"u8], "id") ?? Fields.String(node["_id"u8], "_id") ?? $"individu_{index}";
        var individual = new SituationMapper.IndividualBuilder(id, Fields.Name(node["role"u8], "role") ?? SituationMapper.RoleFromId(id))
        {
            BirthDate = Fields.Date(node["date_naissance"u8], "date_naissance"),
        };

        var resources = new Resources<TNode>(individual);
        Properties.Visit(node, ref resources);
        return individual.Build();
    }

    /// <summary>Every member that is a period map is a resource named after its key.</summary>
    private readonly struct Resources<TNode>(SituationMapper.IndividualBuilder individual) : IPropertyVisitor<TNode>
        where TNode : struct, IDocNode<TNode>
    {
        public bool Visit(ReadOnlySpan<byte> utf8Name, string? name, TNode value)
        {
            if (SituationMapper.ReadPeriodMap(value) is { } amounts)
            {
                var type = Properties.Text(utf8Name, name);
                SituationMapper.AddPeriodAmounts(individual, type, amounts, type);
            }

            return true;
        }
    }
}
