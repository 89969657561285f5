using System.Globalization;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;

namespace MesAides.Analytics.Analyses;

/// <summary>Settings of the usage × income correlation.</summary>
/// <param name="UsageThresholdPer10000">The "communes with real usage" group keeps rates strictly above this
/// (100 per 10,000 inhabitants = 1 %, the original's <c>ratio &gt; 0.01</c>).</param>
/// <param name="Bootstrap">Interval settings; by default 1,000 resamples, a fixed seed, 95 %.</param>
public sealed record IncomeCorrelationOptions(double UsageThresholdPer10000 = 100, BootstrapOptions? Bootstrap = null)
{
    public static IncomeCorrelationOptions Default { get; } = new();
}

/// <summary>One commune of the correlation: its usage rate and its median income.</summary>
public sealed record CommuneIncome(Commune Commune, long Situations, double Per10000, double MedianIncome)
{
    public const string IleDeFranceRegion = "11";

    public bool IleDeFrance => Commune.Region == IleDeFranceRegion;
}

/// <summary>A set of communes and the correlation of usage with income over it.</summary>
/// <param name="Id">Stable id for tables: <c>all</c>, <c>above_threshold</c>, <c>ile_de_france</c>, <c>outside_ile_de_france</c>.</param>
/// <param name="Label">French label for charts.</param>
public sealed record IncomeGroup(string Id, string Label, Correlation Correlation);

/// <summary>
/// Usage per 10,000 inhabitants against median income. Grain: one row per group of communes (all,
/// above the usage threshold, Île-de-France, elsewhere); <see cref="Communes"/> has one entry per commune.
/// </summary>
/// <param name="Communes">Communes with a Filosofi median and a known population, including those without situations.</param>
/// <param name="FilosofiCommunes">Communes of the Filosofi file (after skipping secret values).</param>
/// <param name="UnmatchedCodes">Filosofi codes that match no current commune (or several old codes merged into one).</param>
/// <param name="SituationsOutside">Kept situations whose commune is unknown, has no population, or no Filosofi median.</param>
public sealed record IncomeCorrelationResult(
    string MedianColumn,
    int Year,
    double ThresholdPer10000,
    IReadOnlyList<CommuneIncome> Communes,
    IReadOnlyList<IncomeGroup> Groups,
    int FilosofiCommunes,
    int UnmatchedCodes,
    long SituationsOutside) : ITabular
{
    public IncomeGroup Group(string id) => Groups.First(g => g.Id == id);

    public Table CorrelationTable => new(
        "income_correlation",
        [Column.Text("group"), Column.Number("n"), Column.Number("pearson"), Column.Number("pearson_low"), Column.Number("pearson_high"),
            Column.Number("spearman"), Column.Number("spearman_low"), Column.Number("spearman_high")],
        [.. Groups.Select(g => new object?[]
        {
            g.Id, (long)g.Correlation.N,
            g.Correlation.Pearson, g.Correlation.PearsonInterval?.Low, g.Correlation.PearsonInterval?.High,
            g.Correlation.Spearman, g.Correlation.SpearmanInterval?.Low, g.Correlation.SpearmanInterval?.High,
        })]);

    public IReadOnlyList<Table> Tables => [CorrelationTable];
}

/// <summary>
/// Does usage follow poverty? Counts situations per commune, then, over the communes of the user's Filosofi
/// file with a known population (communes without situations count, with rate 0, as the original's left join
/// with <c>fillna(0)</c>), correlates the usage rate per 10,000 inhabitants with the median income: Pearson and
/// Spearman, n, and a deterministic bootstrap interval. Filosofi codes of communes merged since are mapped to
/// today's commune when exactly one old code maps to it and today's code has no value of its own.
/// </summary>
public sealed class IncomeCorrelation(FilosofiData filosofi, IncomeCorrelationOptions? options = null, Geography? geography = null)
    : IAnalysis<IncomeCorrelationResult>
{
    private readonly Dictionary<string, long> _byCommune = new(StringComparer.Ordinal);
    private readonly IncomeCorrelationOptions _options = options ?? IncomeCorrelationOptions.Default;
    private readonly Geography _geography = geography ?? Geography.Default;
    private long _total;

    public static IncomeCorrelationResult Analyse(IEnumerable<Observation> observations, FilosofiData filosofi, IncomeCorrelationOptions? options = null, Geography? geography = null) =>
        Pass.Run(new IncomeCorrelation(filosofi, options, geography), observations);

    public static IncomeCorrelationResult Analyse(IEnumerable<Situation> situations, FilosofiData filosofi, IncomeCorrelationOptions? options = null, Geography? geography = null) =>
        Pass.Run(new IncomeCorrelation(filosofi, options, geography), new Enricher(geography ?? Geography.Default).Enrich(situations));

    public void Add(in Observation observation)
    {
        _total++;
        if (observation.Commune is { } commune)
        {
            _byCommune[commune.Insee] = _byCommune.GetValueOrDefault(commune.Insee) + 1;
        }
    }

    public IncomeCorrelationResult Result()
    {
        var (medians, unmatched) = MatchToCurrentCommunes();
        var communes = _geography.Communes
            .Where(c => c.Population is > 0 && medians.ContainsKey(c.Insee))
            .OrderBy(c => c.Insee, StringComparer.Ordinal)
            .Select(c =>
            {
                var situations = _byCommune.GetValueOrDefault(c.Insee);
                return new CommuneIncome(c, situations, situations * 10000.0 / c.Population!.Value, medians[c.Insee]);
            })
            .ToList();

        var bootstrap = _options.Bootstrap ?? BootstrapOptions.Default;
        var threshold = _options.UsageThresholdPer10000;
        IncomeGroup Group(string id, string label, Func<CommuneIncome, bool> keep)
        {
            var kept = communes.Where(keep).ToList();
            var correlation = Statistics.Correlate([.. kept.Select(c => c.MedianIncome)], [.. kept.Select(c => c.Per10000)], bootstrap);
            return new IncomeGroup(id, label, correlation);
        }

        var groups = new List<IncomeGroup>
        {
            Group("all", "Toutes les communes", _ => true),
            Group("above_threshold", string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"Plus de {threshold:0.##} pour 10 000 hab."), c => c.Per10000 > threshold),
            Group("ile_de_france", "Île-de-France", c => c.IleDeFrance),
            Group("outside_ile_de_france", "Hors Île-de-France", c => !c.IleDeFrance),
        };

        var inside = communes.Sum(c => c.Situations);
        return new IncomeCorrelationResult(filosofi.MedianColumn, filosofi.Year, threshold, communes, groups, filosofi.Medians.Count, unmatched, _total - inside);
    }

    /// <summary>Filosofi values keyed by today's INSEE code.</summary>
    private (Dictionary<string, double> Medians, int Unmatched) MatchToCurrentCommunes()
    {
        var medians = new Dictionary<string, double>(StringComparer.Ordinal);
        var viaOldCode = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var unmatched = 0;
        foreach (var (code, median) in filosofi.Medians)
        {
            if (_geography.Find(code) is not null)
            {
                medians[code] = median;
            }
            else if (_geography.FindCurrent(code) is { } current)
            {
                if (!viaOldCode.TryGetValue(current.Insee, out var values))
                {
                    viaOldCode[current.Insee] = values = [];
                }

                values.Add(median);
            }
            else
            {
                unmatched++;
            }
        }

        foreach (var (insee, values) in viaOldCode)
        {
            // Several old communes merged into one have several medians, and a median of medians is not one.
            if (values.Count == 1 && !medians.ContainsKey(insee))
            {
                medians[insee] = values[0];
            }
            else
            {
                unmatched += values.Count;
            }
        }

        return (medians, unmatched);
    }
}
