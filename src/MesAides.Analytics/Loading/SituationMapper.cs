using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
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
        var status = Fields.Name(root["status"u8], "status");
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

    /// <summary>Maps each element of <c>individus</c> (A and B); an error names the individual's position.</summary>
    internal static ImmutableArray<Individual> MapIndividuals<TNode>(TNode individus, Func<TNode, int, Individual> map)
        where TNode : struct, IDocNode<TNode>
    {
        var individuals = ImmutableArray.CreateBuilder<Individual>();
        var index = 0;
        foreach (var node in individus.Items())
        {
            try
            {
                individuals.Add(map(node, index));
            }
            catch (MappingException e)
            {
                throw new MappingException(e.Reason, $"individus[{index}].{e.Field}", e.Message);
            }

            index++;
        }

        return individuals.DrainToImmutable();
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

        public AmountList<MonthlyAmount> Monthly { get; } = new();

        public AmountList<FiscalAmount> Fiscal { get; } = new();

        /// <summary>Adds an amount for a stored period: <c>YYYY-MM</c> monthly, <c>YYYY</c> (or an rnc type) fiscal.</summary>
        public void Add(string storedType, string period, double amount, string field) =>
            Add(ResourceTypes.Harmonise(storedType), ResourceTypes.IsFiscal(storedType), period, amount, field);

        /// <summary><see cref="Add(string, string, double, string)"/> with the type already harmonised.</summary>
        public void Add(string type, bool fiscal, string period, double amount, string field)
        {
            if (YearMonth.TryParse(period, out var month))
            {
                AddMonth(type, fiscal, month, amount);
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

        /// <summary>The same from a period's UTF-8 bytes, without making a string of it.</summary>
        public void Add(string type, bool fiscal, ReadOnlySpan<byte> period, double amount, string field)
        {
            if (IsoDates.TryParseMonth(period, out var month))
            {
                AddMonth(type, fiscal, month, amount);
            }
            else if (IsoDates.TryParseYear(period, out var year))
            {
                Fiscal.Add(new FiscalAmount(type, year, amount));
            }
            else
            {
                Add(type, fiscal, Encoding.UTF8.GetString(period), amount, field);
            }
        }

        private void AddMonth(string type, bool fiscal, YearMonth month, double amount)
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

        public Individual Build() => new(Id, Role, BirthDate, DeclaredAge, Monthly.Drain(), Fiscal.Drain());
    }

    /// <summary>
    /// Amounts of one individual while a document is read: a pooled buffer, copied once into an array of the
    /// exact size (a legacy document has a dozen rows per resource type and person).
    /// </summary>
    internal sealed class AmountList<T>
    {
        private T[] _items = [];
        private int _count;

        public int Count => _count;

        public void Add(T item)
        {
            if (_count == _items.Length)
            {
                var larger = ArrayPool<T>.Shared.Rent(Math.Max(32, _count * 2));
                _items.AsSpan(0, _count).CopyTo(larger);
                Return();
                _items = larger;
            }

            _items[_count++] = item;
        }

        public ImmutableArray<T> Drain()
        {
            var result = _count == 0 ? [] : ImmutableArray.Create(_items.AsSpan(0, _count));
            Return();
            _items = [];
            _count = 0;
            return result;
        }

        private void Return()
        {
            if (_items.Length > 0)
            {
                // Not cleared: what stays behind is amounts and shared type names, nothing worth freeing early.
                ArrayPool<T>.Shared.Return(_items);
            }
        }
    }

    /// <summary>An object whose members are all period → number is a resource (B and C).</summary>
    internal static bool IsPeriodMap<TNode>(TNode node)
        where TNode : struct, IDocNode<TNode> => ReadPeriodMap(node) is not null;

    internal static void AddPeriodMap<TNode>(IndividualBuilder individual, string storedType, TNode amounts, string field)
        where TNode : struct, IDocNode<TNode>
    {
        if (ReadPeriodMap(amounts) is { } read)
        {
            AddPeriodAmounts(individual, storedType, read, field);
        }
        else
        {
            // Not a period map: add what reads as periods, as the generic reading did.
            var add = new PeriodMapAdd<TNode>(individual, ResourceTypes.Harmonise(storedType), ResourceTypes.IsFiscal(storedType), field);
            Properties.Visit(amounts, ref add);
        }
    }

    /// <summary>
    /// Reads a period map in one pass (check and amounts together): the amounts with finite values in member
    /// order, or null when the node is not a period map. The list is the calling thread's, valid until its next call.
    /// </summary>
    internal static List<PeriodAmount>? ReadPeriodMap<TNode>(TNode node)
        where TNode : struct, IDocNode<TNode>
    {
        if (node.Kind != NodeKind.Object)
        {
            return null;
        }

        var amounts = _periodAmounts ??= new List<PeriodAmount>(32);
        amounts.Clear();
        var read = new PeriodMapRead<TNode>(amounts);
        Properties.Visit(node, ref read);
        return read.Any && !read.Failed ? amounts : null;
    }

    /// <summary>Adds amounts read by <see cref="ReadPeriodMap"/>; throws at the first period that is neither YYYY-MM nor YYYY.</summary>
    internal static void AddPeriodAmounts(IndividualBuilder individual, string storedType, List<PeriodAmount> amounts, string field)
    {
        var type = ResourceTypes.Harmonise(storedType);
        var fiscal = ResourceTypes.IsFiscal(storedType);
        foreach (var amount in amounts)
        {
            if (amount.BadPeriod is { } bad)
            {
                throw new MappingException(RejectionReasons.WrongType, field, $"period '{Fields.Clip(bad)}' is neither YYYY-MM nor YYYY");
            }

            if (amount.Month == 0)
            {
                individual.Fiscal.Add(new FiscalAmount(type, amount.Year, amount.Amount));
            }
            else if (fiscal)
            {
                individual.Fiscal.Add(new FiscalAmount(type, amount.Year, amount.Amount));
            }
            else
            {
                individual.Monthly.Add(new MonthlyAmount(type, new YearMonth(amount.Year, amount.Month), amount.Amount));
            }
        }
    }

    [ThreadStatic]
    private static List<PeriodAmount>? _periodAmounts;

    /// <summary>One member of a period map: a month (<c>Month</c> 1–12), a year (<c>Month</c> 0), or a period that is neither.</summary>
    internal readonly record struct PeriodAmount(int Year, int Month, double Amount, string? BadPeriod);

    private struct PeriodMapRead<TNode>(List<PeriodAmount> amounts) : IPropertyVisitor<TNode>
        where TNode : struct, IDocNode<TNode>
    {
        public bool Any;
        public bool Failed;

        public bool Visit(ReadOnlySpan<byte> utf8Name, string? name, TNode value)
        {
            if (value.Kind != NodeKind.Number || !IsPeriod(utf8Name, name))
            {
                Failed = true;
                return false;
            }

            Any = true;
            value.TryGetNumber(out var amount);
            if (!double.IsFinite(amount))
            {
                return true;
            }

            if (name is null && IsoDates.TryParseMonth(utf8Name, out var month))
            {
                amounts.Add(new PeriodAmount(month.Year, month.Month, amount, null));
            }
            else if (name is null && IsoDates.TryParseYear(utf8Name, out var year))
            {
                amounts.Add(new PeriodAmount(year, 0, amount, null));
            }
            else
            {
                var text = name ?? Encoding.UTF8.GetString(utf8Name);
                amounts.Add(YearMonth.TryParse(text, out var m) ? new PeriodAmount(m.Year, m.Month, amount, null)
                    : text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? new PeriodAmount(y, 0, amount, null)
                    : new PeriodAmount(0, 0, amount, text));
            }

            return true;
        }
    }

    /// <summary>Four characters, or <c>YYYY-MM</c>, as <see cref="IndividualBuilder.Add(string, string, double, string)"/> reads them.</summary>
    private static bool IsPeriod(ReadOnlySpan<byte> utf8Name, string? name)
    {
        if (name is not null || !Ascii.IsValid(utf8Name))
        {
            name ??= Encoding.UTF8.GetString(utf8Name);
            return name.Length == 4 || YearMonth.TryParse(name, out _);
        }

        return utf8Name.Length == 4 || IsoDates.TryParseMonth(utf8Name, out _);
    }

    private readonly struct PeriodMapAdd<TNode>(IndividualBuilder individual, string type, bool fiscal, string field) : IPropertyVisitor<TNode>
        where TNode : struct, IDocNode<TNode>
    {
        public bool Visit(ReadOnlySpan<byte> utf8Name, string? name, TNode value)
        {
            value.TryGetNumber(out var amount);
            if (double.IsFinite(amount))
            {
                if (name is null)
                {
                    individual.Add(type, fiscal, utf8Name, amount, field);
                }
                else
                {
                    individual.Add(type, fiscal, name, amount, field);
                }
            }

            return true;
        }
    }
}
