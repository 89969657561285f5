using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;

namespace MesAides.Analytics.Analyses;

/// <summary>Missing values of one field in one storage format.</summary>
/// <param name="Format"><c>A</c>, <c>B</c>, <c>C</c>, or <c>all</c>.</param>
/// <param name="Total">Situations (individuals for per-individual fields; tenants for the rent) the field applies to.</param>
public sealed record FieldQuality(string Format, string Field, long Missing, long Total)
{
    public double Share => Shares.Of(Missing, Total);
}

/// <summary>Missing values per field and storage format. Grain: one row per format (and <c>all</c>) × field.</summary>
public sealed record DataQualityResult(IReadOnlyList<FieldQuality> Rows) : ITabular
{
    public FieldQuality Get(string format, string field) => Rows.First(r => r.Format == format && r.Field == field);

    public IEnumerable<string> Formats => Rows.Select(r => r.Format).Distinct();

    public Table Table => new(
        "data_quality",
        [Column.Text("format"), Column.Text("field"), Column.Count("missing"), Column.Count("total"), Column.Derived("share", "missing")],
        [.. Rows.Select(r => new object?[] { r.Format, r.Field, r.Missing, r.Total, r.Share })]);

    public IReadOnlyList<Table> Tables => [Table];
}

/// <summary>
/// How complete the stored documents are, per storage generation: the share of situations (or individuals) where
/// a field is missing. Fields are named as in the tidy tables. The date of value is never missing after mapping
/// (a document without one is rejected), but keeps its row so that every field is listed. Rows exist for each
/// format present in the data and for <c>all</c>.
/// </summary>
public sealed class DataQuality : IAnalysis<DataQualityResult>
{
    /// <summary>The fields, in table order.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["date_de_valeur", "housing", "housing_detail", "rent", "postal_code", "insee", "commune", "birth_date_or_age", "role", "resolved_commune"];

    private const int DateDeValeur = 0, HousingField = 1, HousingDetail = 2, Rent = 3, PostalCode = 4, Insee = 5, CommuneName = 6, BirthDateOrAge = 7, Role = 8, Resolved = 9;

    // [format, field] → missing and total.
    private readonly long[,] _missing = new long[3, 10];
    private readonly long[,] _total = new long[3, 10];
    private readonly long[] _situations = new long[3];

    public static DataQualityResult Analyse(IEnumerable<Observation> observations) => Pass.Run(new DataQuality(), observations);

    public static DataQualityResult Analyse(IEnumerable<Situation> situations) => Pass.Run(new DataQuality(), situations);

    public void Add(in Observation observation)
    {
        var situation = observation.Situation;
        var household = situation.Household;
        var f = (int)situation.Format;
        _situations[f]++;
        Count(f, DateDeValeur, false);
        Count(f, HousingField, household.Category is null);
        Count(f, HousingDetail, household.HousingDetail is null);
        if (household.Category == HousingCategory.Locataire)
        {
            Count(f, Rent, household.Loyer is null);
        }

        Count(f, PostalCode, household.PostalCode is null);
        Count(f, Insee, household.Insee is null);
        Count(f, CommuneName, household.Commune is null);
        Count(f, Resolved, observation.Location.Resolution == Resolution.Unknown);
        foreach (var individual in situation.Individuals)
        {
            Count(f, BirthDateOrAge, individual.BirthDate is null && individual.DeclaredAge is null);
            Count(f, Role, string.IsNullOrEmpty(individual.Role));
        }
    }

    public DataQualityResult Result()
    {
        var rows = new List<FieldQuality>();
        foreach (var format in Enum.GetValues<StorageFormat>())
        {
            var f = (int)format;
            if (_situations[f] > 0)
            {
                rows.AddRange(Fields.Select((field, i) => new FieldQuality(format.ToString(), field, _missing[f, i], _total[f, i])));
            }
        }

        rows.AddRange(Fields.Select((field, i) => new FieldQuality("all", field, Sum(_missing, i), Sum(_total, i))));
        return new DataQualityResult(rows);
    }

    private void Count(int format, int field, bool missing)
    {
        _total[format, field]++;
        if (missing)
        {
            _missing[format, field]++;
        }
    }

    private static long Sum(long[,] values, int field) => values[0, field] + values[1, field] + values[2, field];
}
