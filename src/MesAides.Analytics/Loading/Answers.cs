using System.Collections.Immutable;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Loading;

/// <summary>
/// Format C (2021 →): a list of answers <c>{entityName, fieldName, id, value}</c>. Anonymised documents keep
/// <c>age</c> instead of the birth date; <c>depcom</c> and <c>loyer</c> answers are objects.
/// </summary>
internal static class Answers
{
    public static (Household, ImmutableArray<Individual>) Map<TNode>(TNode root, DateOnly date)
        where TNode : struct, IDocNode<TNode>
    {
        var answers = root["answers"u8];
        var list = answers.Kind == NodeKind.Array ? answers : answers["all"u8];
        var individuals = new List<SituationMapper.IndividualBuilder>();
        var menage = new MenageAnswers();

        var index = 0;
        foreach (var answer in list.Items())
        {
            try
            {
                Read(answer, individuals, menage);
            }
            catch (MappingException e)
            {
                throw new MappingException(e.Reason, $"answers.all[{index}].{e.Field}", e.Message);
            }

            index++;
        }

        foreach (var child in root["enfants"u8].Items())
        {
            var childId = "enfant_" + Fields.String(child, "enfants[]");
            Find(individuals, childId);
        }

        AddFiscal(root["ressourcesFiscales"u8], individuals, date.Year - 2);

        var (category, detail) = HousingStatuses.FromAnswers(menage.LogementType, menage.LocationType, menage.Hlm, menage.PrimoAccedant);
        var household = new Household(category, detail, menage.Loyer, menage.Charges, menage.PostalCode, menage.Insee, menage.Commune);
        var built = ImmutableArray.CreateBuilder<Individual>(individuals.Count);
        foreach (var individual in individuals)
        {
            built.Add(individual.Build());
        }

        return (household, built.MoveToImmutable());
    }

    private sealed class MenageAnswers
    {
        public string? LogementType { get; set; }

        public string? LocationType { get; set; }

        public bool? Hlm { get; set; }

        public bool? PrimoAccedant { get; set; }

        public double? Loyer { get; set; }

        public double? Charges { get; set; }

        public string? PostalCode { get; set; }

        public string? Insee { get; set; }

        public string? Commune { get; set; }
    }

    private static void Read<TNode>(TNode answer, List<SituationMapper.IndividualBuilder> individuals, MenageAnswers menage)
        where TNode : struct, IDocNode<TNode>
    {
        var entity = answer["entityName"u8];
        var value = answer["value"u8];
        var field = Fields.Name(answer["fieldName"u8], "fieldName");
        if (entity.StringEquals("individu"u8))
        {
            var id = Fields.Name(answer["id"u8], "id") ?? "demandeur";
            ReadIndividual(Find(individuals, id), field, value);
        }
        else if (entity.StringEquals("menage"u8))
        {
            ReadMenage(menage, field, value);
        }
    }

    private static SituationMapper.IndividualBuilder Find(List<SituationMapper.IndividualBuilder> individuals, string id)
    {
        foreach (var individual in individuals)
        {
            if (individual.Id == id)
            {
                return individual;
            }
        }

        var added = new SituationMapper.IndividualBuilder(id, SituationMapper.RoleFromId(id));
        individuals.Add(added);
        return added;
    }

    private static void ReadIndividual<TNode>(SituationMapper.IndividualBuilder individual, string? field, TNode value)
        where TNode : struct, IDocNode<TNode>
    {
        switch (field)
        {
            case "date_naissance":
                individual.BirthDate = Fields.Date(value, "value");
                break;
            case "age":
                individual.DeclaredAge = Fields.Number(value, "value") is { } age ? (int)Math.Floor(age) : null;
                break;
            default:
                // Resource categories hold [{id: type, amounts: {period: amount}}].
                if (value.Kind != NodeKind.Array)
                {
                    break;
                }

                foreach (var item in value.Items())
                {
                    var amounts = item["amounts"u8];
                    if (item.Kind == NodeKind.Object && SituationMapper.ReadPeriodMap(amounts) is { } read)
                    {
                        var type = Fields.Name(item["id"u8], "value[].id")
                            ?? throw new MappingException(RejectionReasons.MissingField, "value[].id", "a resource has no type id");
                        SituationMapper.AddPeriodAmounts(individual, type, read, "value[].amounts");
                    }
                }

                break;
        }
    }

    private static void ReadMenage<TNode>(MenageAnswers menage, string? field, TNode value)
        where TNode : struct, IDocNode<TNode>
    {
        switch (field)
        {
            case "_logementType":
                menage.LogementType = Fields.Name(value, "value");
                break;
            case "statut_occupation_logement":
                menage.LogementType ??= Fields.Name(value, "value");
                break;
            case "_locationType":
                menage.LocationType = Fields.Name(value, "value");
                break;
            case "_locataireHLM" or "_locataireHlm":
                menage.Hlm = Fields.Boolean(value, "value");
                break;
            case "_primoAccedant":
                menage.PrimoAccedant = Fields.Boolean(value, "value");
                break;
            case "loyer" when value.Kind == NodeKind.Object:
                menage.Loyer = Fields.Number(value["loyer"u8], "value.loyer");
                menage.Charges ??= Fields.Number(value["charges_locatives"u8], "value.charges_locatives");
                break;
            case "loyer":
                menage.Loyer = Fields.Number(value, "value");
                break;
            case "charges_locatives":
                menage.Charges = Fields.Number(value, "value");
                break;
            case "depcom" when value.Kind == NodeKind.Object:
                menage.Insee = Fields.Code(value["depcom"u8], "value.depcom");
                menage.PostalCode = Fields.Code(value["_codePostal"u8], "value._codePostal");
                menage.Commune = Fields.Name(value["_nomCommune"u8], "value._nomCommune");
                break;
            case "depcom":
                menage.Insee = Fields.Code(value, "value");
                break;
            case "_codePostal" or "code_postal":
                menage.PostalCode ??= Fields.Code(value, "value");
                break;
            default:
                break;
        }
    }

    /// <summary><c>ressourcesFiscales: {individual: {type: amount}}</c>, declared for year N-2.</summary>
    private static void AddFiscal<TNode>(TNode fiscal, List<SituationMapper.IndividualBuilder> individuals, int year)
        where TNode : struct, IDocNode<TNode>
    {
        foreach (var (individualId, types) in fiscal.Properties())
        {
            var individual = Find(individuals, individualId);
            foreach (var (type, value) in types.Properties())
            {
                if (Fields.Number(value, $"ressourcesFiscales.{individualId}.{type}") is { } amount)
                {
                    individual.Fiscal.Add(new FiscalAmount(ResourceTypes.Harmonise(type), year, amount));
                }
            }
        }
    }
}
