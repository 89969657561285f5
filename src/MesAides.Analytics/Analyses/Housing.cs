using System.Runtime.InteropServices;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Analyses;

/// <summary>Situations by housing category and detailed status. Grain: one row per category (or status).</summary>
public sealed record HousingResult(
    IReadOnlyDictionary<HousingCategory, long> ByCategory,
    long Unknown,
    IReadOnlyList<(HousingCategory Category, string Detail, long Situations)> ByDetail) : ITabular
{
    public const string UnknownLabel = "Inconnu";

    public long Known => ByCategory.Values.Sum();

    public long Total => Known + Unknown;

    /// <summary>Share of a category among the situations whose housing is known.</summary>
    public double Share(HousingCategory category) => Shares.Of(ByCategory.GetValueOrDefault(category), Known);

    public Table Categories => new(
        "housing",
        [Column.Text("category"), Column.Count("situations"), Column.Derived("share", "situations")],
        [
            .. HousingCategories.All.Select(c => new object?[] { c.Label(), ByCategory.GetValueOrDefault(c), Share(c) }),
            [UnknownLabel, Unknown, null],
        ]);

    public Table Details
    {
        get
        {
            var known = ByDetail.Sum(d => d.Situations);
            return new(
                "housing_detail",
                [Column.Text("category"), Column.Text("detail"), Column.Count("situations"), Column.Derived("share", "situations")],
                [.. ByDetail.Select(d => new object?[] { d.Category.Label(), d.Detail, d.Situations, Shares.Of(d.Situations, known) })]);
        }
    }

    public IReadOnlyList<Table> Tables => [Categories, Details];
}

/// <summary>The housing question: tenant, owner, hosted, homeless (the seed's donut).</summary>
public sealed class Housing : IAnalysis<HousingResult>
{
    private readonly long[] _byCategory = new long[HousingCategories.All.Count];
    private readonly Dictionary<string, long> _byDetail = new(StringComparer.Ordinal);
    private long _unknown;

    public static HousingResult Analyse(IEnumerable<Observation> observations) => Pass.Run(new Housing(), observations);

    public static HousingResult Analyse(IEnumerable<Situation> situations) => Pass.Run(new Housing(), situations);

    public void Add(in Observation observation)
    {
        var household = observation.Situation.Household;
        if (household.Category is not { } category)
        {
            _unknown++;
            return;
        }

        _byCategory[(int)category]++;
        if (household.HousingDetail is { } detail)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_byDetail, detail, out _)++;
        }
    }

    public HousingResult Result()
    {
        var order = HousingStatuses.Details;
        var details = _byDetail
            .Select(p => (Category: HousingStatuses.CategoryOf(p.Key) ?? HousingCategory.Heberge, Detail: p.Key, Situations: p.Value))
            .OrderBy(d => d.Category)
            .ThenBy(d => order.IndexOf(d.Detail) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(d => d.Detail, StringComparer.Ordinal)
            .ToList();
        return new HousingResult(
            HousingCategories.All.ToDictionary(c => c, c => _byCategory[(int)c]),
            _unknown,
            details);
    }
}
