using System.Runtime.InteropServices;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;

namespace MesAides.Analytics.Analyses;

/// <summary>One harmonised resource type: the individuals who declared it, and their share of all individuals.</summary>
public sealed record ResourceTypeUsage(string Type, long Individuals, double Share);

/// <summary>
/// Which resources individuals declare. Grain: one row per resource type (individuals with at least one
/// non-zero monthly amount of that type in the last 12 months; fiscal amounts left out).
/// </summary>
public sealed record ResourceResult(
    IReadOnlyList<ResourceTypeUsage> Types,
    long Individuals,
    long WithAnyResource,
    long WithNegativeAmount) : ITabular
{
    public double ShareWithAnyResource => Shares.Of(WithAnyResource, Individuals);

    /// <summary>Share of all individuals with at least one negative monthly amount (legacy spread months).</summary>
    public double ShareNegative => Shares.Of(WithNegativeAmount, Individuals);

    /// <summary>The n most declared types (the seed's "top 5").</summary>
    public IReadOnlyList<ResourceTypeUsage> Top(int n = 5) => [.. Types.Take(n)];

    /// <summary>The ranking without the two most declared types (the seed's second chart: "les autres ressources").</summary>
    public IReadOnlyList<ResourceTypeUsage> WithoutTopTwo(int n = 10) => [.. Types.Skip(2).Take(n)];

    /// <summary>Sorted by individuals, most declared first, then by type. Shares do not sum to 1: a person may declare several types, or none.</summary>
    public Table TypeTable => new(
        "resources",
        [Column.Text("type"), Column.Count("individuals"), Column.Derived("share", "individuals")],
        [.. Types.Select(t => new object?[] { t.Type, t.Individuals, t.Share })]);

    /// <summary>Totals: all individuals, those with any resource, those with a negative amount.</summary>
    public Table SummaryTable => new(
        "resources_summary",
        [Column.Text("measure"), Column.Count("individuals"), Column.Derived("share", "individuals")],
        [
            ["individuals", Individuals, Shares.Of(Individuals, Individuals)],
            ["with_any_resource", WithAnyResource, ShareWithAnyResource],
            ["with_negative_amount", WithNegativeAmount, ShareNegative],
        ]);

    public IReadOnlyList<Table> Tables => [TypeTable, SummaryTable];
}

/// <summary>The resources question: which types people declare (the seed's "top 5 ressources").</summary>
public sealed class ResourceUsage : IAnalysis<ResourceResult>
{
    private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);

    // The types already counted for the individual being read: a handful, so a list beats a set.
    private readonly List<string> _seen = [];
    private long _individuals;
    private long _withAny;
    private long _withNegative;

    public static ResourceResult Analyse(IEnumerable<Observation> observations) => Pass.Run(new ResourceUsage(), observations);

    /// <summary>Situations need no commune here: they are not enriched.</summary>
    public static ResourceResult Analyse(IEnumerable<Situation> situations) =>
        Pass.Run(new ResourceUsage(), situations.Select(s => new Observation(s, Location.Unknown)));

    public void Add(in Observation observation)
    {
        var situation = observation.Situation;
        var window = LastTwelveMonths.Before(YearMonth.Of(situation.Date));
        foreach (var individual in situation.Individuals)
        {
            _individuals++;
            _seen.Clear();
            var negative = false;
            foreach (var resource in individual.Resources)
            {
                if (resource.Amount == 0 || !window.Contains(resource.Month))
                {
                    continue;
                }

                negative |= resource.Amount < 0;
                if (!_seen.Contains(resource.Type))
                {
                    _seen.Add(resource.Type);
                    CollectionsMarshal.GetValueRefOrAddDefault(_byType, resource.Type, out _)++;
                }
            }

            if (_seen.Count > 0)
            {
                _withAny++;
            }

            if (negative)
            {
                _withNegative++;
            }
        }
    }

    public ResourceResult Result() => new(
        [.. _byType
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new ResourceTypeUsage(p.Key, p.Value, Shares.Of(p.Value, _individuals)))],
        _individuals,
        _withAny,
        _withNegative);
}
