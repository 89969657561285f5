using System.Collections.Immutable;
using System.Globalization;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Loading;

/// <summary>
/// Maps one stored document of any generation (A legacy, B OpenFisca-style, C answers) to a
/// <see cref="Situation"/>. Written once over <see cref="IDocNode{TNode}"/> so JSON and BSON share it.
/// Throws <see cref="MappingException"/> naming the offending field; never echoes the document.
/// </summary>
public static class SituationMapper
{
    public static Situation Map<TNode>(TNode root, long ordinal)
        where TNode : struct, IDocNode<TNode>
    {
        if (root.Kind != NodeKind.Object)
        {
            throw new MappingException(RejectionReasons.UnknownFormat, null, $"a situation is a document, found {root.Kind}");
        }

        var format = DetectFormat(root);
        var id = Fields.String(root["_id"u8], "_id") ?? Fields.String(root["id"u8], "id") ?? "#" + ordinal.ToString(CultureInfo.InvariantCulture);
        var version = Fields.Number(root["version"u8], "version") ?? Fields.Number(root["__v"u8], "__v");
        var status = Fields.String(root["status"u8], "status");
        var modifiedFrom = Fields.String(root["modifiedFrom"u8], "modifiedFrom");
        var date = DateOfValue(root);

        var (household, individuals) = format switch
        {
            StorageFormat.A => Legacy.Map(root),
            StorageFormat.B => OpenFisca.Map(root),
            _ => Answers.Map(root, ParisTime.Date(date)),
        };

        return new Situation(id, format, version is { } v ? (int)v : null, date, status, modifiedFrom, household, individuals);
    }

    public static StorageFormat DetectFormat<TNode>(TNode root)
        where TNode : struct, IDocNode<TNode>
    {
        if (root["answers"u8].Kind is NodeKind.Object or NodeKind.Array)
        {
            return StorageFormat.C;
        }

        if (root["menage"u8].Kind == NodeKind.Object || root["foyer_fiscal"u8].Kind == NodeKind.Object || root["famille"u8].Kind == NodeKind.Object)
        {
            return StorageFormat.B;
        }

        if (root["logement"u8].Kind == NodeKind.Object)
        {
            return StorageFormat.A;
        }

        foreach (var individual in root["individus"u8].Items())
        {
            if (individual["date_naissance"u8].Kind != NodeKind.Missing)
            {
                return StorageFormat.B;
            }

            if (individual["ressources"u8].Kind == NodeKind.Array || individual["dateDeNaissance"u8].Kind != NodeKind.Missing)
            {
                return StorageFormat.A;
            }

            return individual["id"u8].Kind == NodeKind.String ? StorageFormat.B : StorageFormat.A;
        }

        throw new MappingException(RejectionReasons.UnknownFormat, null, "no 'answers', 'menage', 'logement' or 'individus': not a situation of a known format");
    }

    /// <summary><c>dateDeValeur</c>, else <c>createdAt</c>, else the creation time inside an ObjectId <c>_id</c>.</summary>
    private static DateTimeOffset DateOfValue<TNode>(TNode root)
        where TNode : struct, IDocNode<TNode>
    {
        if (Fields.Instant(root["dateDeValeur"u8], "dateDeValeur") is { } date)
        {
            return date;
        }

        if (Fields.Instant(root["createdAt"u8], "createdAt") is { } created)
        {
            return created;
        }

        if (root["_id"u8].TryGetObjectIdTime(out var fromId))
        {
            return fromId;
        }

        throw new MappingException(RejectionReasons.MissingField, "dateDeValeur", "no date of value (nor createdAt, nor an ObjectId _id)");
    }

    /// <summary>Roles are stored as such in A and B; C derives them from ids (<c>enfant_0</c>).</summary>
    internal static string? RoleFromId(string id) =>
        id.StartsWith("enfant", StringComparison.Ordinal) ? "enfant"
        : id is "demandeur" or "conjoint" ? id
        : null;

    /// <summary>Accumulates one individual's values while a document is read.</summary>
    internal sealed class IndividualBuilder(string id, string? role)
    {
        public string Id { get; } = id;

        public string? Role { get; set; } = role;

        public DateOnly? BirthDate { get; set; }

        public int? DeclaredAge { get; set; }

        public ImmutableArray<MonthlyAmount>.Builder Monthly { get; } = ImmutableArray.CreateBuilder<MonthlyAmount>();

        public ImmutableArray<FiscalAmount>.Builder Fiscal { get; } = ImmutableArray.CreateBuilder<FiscalAmount>();

        /// <summary>Adds an amount for a stored period: <c>YYYY-MM</c> monthly, <c>YYYY</c> (or an rnc type) fiscal.</summary>
        public void Add(string storedType, string period, double amount, string field)
        {
            var type = ResourceTypes.Harmonise(storedType);
            var fiscal = ResourceTypes.IsFiscal(storedType);
            if (YearMonth.TryParse(period, out var month))
            {
                if (fiscal)
                {
                    Fiscal.Add(new FiscalAmount(type, month.Year, amount));
                }
                else
                {
                    Monthly.Add(new MonthlyAmount(type, month, amount));
                }
            }
            else if (period.Length == 4 && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                Fiscal.Add(new FiscalAmount(type, year, amount));
            }
            else
            {
                throw new MappingException(RejectionReasons.WrongType, field, $"period '{Fields.Clip(period)}' is neither YYYY-MM nor YYYY");
            }
        }

        public Individual Build() => new(Id, Role, BirthDate, DeclaredAge, Monthly.DrainToImmutable(), Fiscal.DrainToImmutable());
    }

    /// <summary>An object whose members are all period → number is a resource (B and C).</summary>
    internal static bool IsPeriodMap<TNode>(TNode node)
        where TNode : struct, IDocNode<TNode>
    {
        if (node.Kind != NodeKind.Object)
        {
            return false;
        }

        var any = false;
        foreach (var (period, value) in node.Properties())
        {
            if (value.Kind != NodeKind.Number || !(period.Length == 4 || YearMonth.TryParse(period, out _)))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    internal static void AddPeriodMap<TNode>(IndividualBuilder individual, string storedType, TNode amounts, string field)
        where TNode : struct, IDocNode<TNode>
    {
        foreach (var (period, value) in amounts.Properties())
        {
            value.TryGetNumber(out var amount);
            if (double.IsFinite(amount))
            {
                individual.Add(storedType, period, amount, field);
            }
        }
    }
}
