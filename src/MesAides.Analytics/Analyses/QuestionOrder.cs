using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Analyses;

/// <summary>The form orders the options are compared with.</summary>
/// <param name="Housing">The housing question's options as the form shows them.</param>
/// <param name="Resources">The resource checklist as the form lists it (harmonised type names). Declared types
/// missing from it are put after it, in alphabetical order.</param>
public sealed record QuestionOrderOptions(IReadOnlyList<HousingCategory> Housing, IReadOnlyList<string> Resources)
{
    /// <summary>
    /// The 2016 form (mes-aides-ui <c>app/js/constants/ressources.js</c>) showed resources by category: activity,
    /// replacement incomes, benefits, daily allowances, pensions, other, assets, self-employment. This list follows
    /// that order with today's names; the most common types (salary, unemployment, pension, housing benefit,
    /// family allowance) come first within their categories, as in the form.
    /// </summary>
    public static IReadOnlyList<string> DefaultResourceOrder { get; } =
    [
        "salaire_net", "chomage_net", "retraite_nette", "aide_logement", "af", "rsa", "pensions_alimentaires_percues",
        "ppa", "aah", "ass", "asf", "cf", "paje_base", "paje_clca", "paje_prepare", "aeeh", "pch", "aspa", "asi",
        "remuneration_stage", "revenus_stage_formation_pro", "allocation_securisation_professionnelle", "prime_reprise_activite",
        "indemnites_journalieres_maternite", "indemnites_journalieres_maladie", "indemnites_journalieres_maladie_professionnelle",
        "indemnites_journalieres_accident_travail", "indemnites_chomage_partiel", "indemnites_volontariat", "dedommagement_victime_amiante",
        "pensions_alimentaires_versees_individu", "prestation_compensatoire", "retraite_combattant", "pensions_invalidite",
        "bourse_enseignement_sup", "bourse_recherche", "gains_exceptionnels", "revenus_locatifs", "revenus_capital",
        "tns_auto_entrepreneur_chiffre_affaires", "tns_micro_entreprise_chiffre_affaires", "tns_autres_revenus",
        "tns_autres_revenus_chiffre_affaires", "tns_benefice_exploitant_agricole",
    ];

    // Declared after the list it uses: static initialisers run in text order.
    public static QuestionOrderOptions Default { get; } = new(HousingCategories.All, DefaultResourceOrder);
}

/// <summary>One option of a question, how often it was chosen, and where each order puts it (1-based).</summary>
public sealed record QuestionOption(string Option, long Situations, int FormPosition, int FrequencyPosition);

/// <summary>A question under two orders of its options.</summary>
/// <param name="Id"><c>housing</c> or <c>resources</c>.</param>
/// <param name="Situations">Situations that chose at least one option (the mean positions are over them).</param>
/// <param name="FormMean">Mean position of the chosen option (the last declared one for the checklist) in the form's order.</param>
/// <param name="FrequencyMean">The same when options are sorted by how often they are chosen.</param>
public sealed record QuestionRanking(string Id, string Label, IReadOnlyList<QuestionOption> Options, long Situations, double FormMean, double FrequencyMean)
{
    /// <summary>Options a user reads or scrolls past fewer, on average, with the frequency order.</summary>
    public double Saved => FormMean - FrequencyMean;

    /// <summary>The options, most chosen first.</summary>
    public IEnumerable<QuestionOption> ByFrequency => Options.OrderBy(o => o.FrequencyPosition);
}

/// <summary>
/// The form's order against an order by frequency, for the housing question and the resource checklist.
/// Grain: one row per question and order (<c>question_order</c>), one per question and option (<c>question_order_options</c>).
/// </summary>
public sealed record QuestionOrderResult(QuestionRanking Housing, QuestionRanking Resources) : ITabular
{
    public IReadOnlyList<QuestionRanking> Questions => [Housing, Resources];

    public Table PositionTable => new(
        "question_order",
        [Column.Text("question"), Column.Text("order"), Column.Derived("mean_position", "situations"), Column.Count("situations")],
        [.. Questions.SelectMany(q => new[]
        {
            new object?[] { q.Id, "form", q.Situations > 0 ? q.FormMean : null, q.Situations },
            new object?[] { q.Id, "frequency", q.Situations > 0 ? q.FrequencyMean : null, q.Situations },
        })]);

    public Table OptionTable => new(
        "question_order_options",
        [Column.Text("question"), Column.Text("option"), Column.Count("situations"), Column.Number("form_position"), Column.Number("frequency_position")],
        [.. Questions.SelectMany(q => q.ByFrequency.Select(o => new object?[] { q.Id, o.Option, o.Situations, (long)o.FormPosition, (long)o.FrequencyPosition }))]);

    public IReadOnlyList<Table> Tables => [PositionTable, OptionTable];
}

/// <summary>
/// The seed's third objective, quicker input: would ordering options by how often users choose them save reading?
/// For the housing question a situation's cost is the position of its answer. For the resource checklist its
/// chosen options are the types declared (a non-zero monthly amount in months M-12…M-1) by any member, and its
/// cost is the position of the last of them: the list is read down to it. Situations that chose nothing (no
/// housing answer, no resource declared) are left out of the means. The frequency order comes from the same
/// data (most chosen first, ties in the form's order), so it is the best order in hindsight.
/// </summary>
public sealed class QuestionOrder : IAnalysis<QuestionOrderResult>
{
    // Types are numbered as first seen; a situation's set of declared types is a bit mask when all of them
    // have a number below 128 (the harmonised list has about 60), else a sorted list kept as text.
    private readonly Dictionary<string, int> _typeIds = new(StringComparer.Ordinal);
    private readonly List<string> _types = [];
    private readonly Dictionary<UInt128, long> _combinations = [];
    private readonly Dictionary<string, long> _wideCombinations = new(StringComparer.Ordinal);
    private readonly List<int> _wide = [];
    private readonly long[] _housing = new long[HousingCategories.All.Count];
    private readonly QuestionOrderOptions _options;

    public QuestionOrder(QuestionOrderOptions? options = null)
    {
        _options = options ?? QuestionOrderOptions.Default;
        if (_options.Housing.Distinct().Count() != _options.Housing.Count)
        {
            throw new ArgumentException("the housing order lists an option twice", nameof(options));
        }
    }

    public static QuestionOrderResult Analyse(IEnumerable<Observation> observations, QuestionOrderOptions? options = null) =>
        Pass.Run(new QuestionOrder(options), observations);

    public static QuestionOrderResult Analyse(IEnumerable<Situation> situations, QuestionOrderOptions? options = null) =>
        Pass.Run(new QuestionOrder(options), situations);

    public void Add(in Observation observation)
    {
        var situation = observation.Situation;
        if (situation.Household.Category is { } category)
        {
            _housing[(int)category]++;
        }

        var month = situation.Month;
        var from = month.AddMonths(-12);
        UInt128 mask = 0;
        _wide.Clear();
        foreach (var individual in situation.Individuals)
        {
            foreach (var resource in individual.Resources)
            {
                if (resource.Amount == 0 || resource.Month < from || resource.Month >= month)
                {
                    continue;
                }

                if (!_typeIds.TryGetValue(resource.Type, out var id))
                {
                    _typeIds[resource.Type] = id = _types.Count;
                    _types.Add(resource.Type);
                }

                if (id < 128)
                {
                    mask |= UInt128.One << id;
                }
                else if (!_wide.Contains(id))
                {
                    _wide.Add(id);
                }
            }
        }

        if (_wide.Count > 0)
        {
            for (var id = 0; id < 128; id++)
            {
                if ((mask & (UInt128.One << id)) != 0)
                {
                    _wide.Add(id);
                }
            }

            _wide.Sort();
            var key = string.Join(',', _wide);
            _wideCombinations[key] = _wideCombinations.GetValueOrDefault(key) + 1;
        }
        else if (mask != 0)
        {
            _combinations[mask] = _combinations.GetValueOrDefault(mask) + 1;
        }
    }

    public QuestionOrderResult Result() => new(HousingRanking(), ResourceRanking());

    private QuestionRanking HousingRanking()
    {
        var form = _options.Housing.Select(c => c.Label()).ToList();
        var counts = _options.Housing.Select(c => _housing[(int)c]).ToList();
        var combinations = _options.Housing.Select((c, i) => (Chosen: new[] { i }, Situations: _housing[(int)c]));
        return Rank("housing", "Type de logement", form, counts, combinations);
    }

    private QuestionRanking ResourceRanking()
    {
        var combinations = _combinations
            .Select(p => (Chosen: MaskIds(p.Key).ToArray(), Situations: p.Value))
            .Concat(_wideCombinations.Select(p => (Chosen: p.Key.Split(',').Select(int.Parse).ToArray(), Situations: p.Value)))
            .ToList();

        // Form order: the configured list, then types seen in the data but not listed, alphabetically.
        var form = _options.Resources.Distinct(StringComparer.Ordinal).ToList();
        form.AddRange(_types.Where(t => !form.Contains(t, StringComparer.Ordinal)).Order(StringComparer.Ordinal));
        var formIndex = form.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);

        // Combinations in type ids → in form indices.
        var chosen = combinations.Select(c => (Chosen: c.Chosen.Select(id => formIndex[_types[id]]).ToArray(), c.Situations)).ToList();
        var counts = new long[form.Count];
        foreach (var (options, situations) in chosen)
        {
            foreach (var option in options)
            {
                counts[option] += situations;
            }
        }

        return Rank("resources", "Ressources déclarées", form, counts, chosen);
    }

    /// <summary>Positions of each option in both orders, and the mean cost (largest position among the chosen) under each.</summary>
    private static QuestionRanking Rank(string id, string label, List<string> form, IReadOnlyList<long> counts,
        IEnumerable<(int[] Chosen, long Situations)> combinations)
    {
        var byFrequency = Enumerable.Range(0, form.Count).OrderByDescending(i => counts[i]).ThenBy(i => i).ToArray();
        var frequencyPosition = new int[form.Count];
        for (var rank = 0; rank < byFrequency.Length; rank++)
        {
            frequencyPosition[byFrequency[rank]] = rank + 1;
        }

        long situations = 0;
        double formTotal = 0, frequencyTotal = 0;
        foreach (var (options, count) in combinations)
        {
            if (options.Length == 0 || count == 0)
            {
                continue;
            }

            situations += count;
            formTotal += count * (options.Max() + 1.0);
            frequencyTotal += count * (double)options.Max(o => frequencyPosition[o]);
        }

        var rows = form.Select((option, i) => new QuestionOption(option, counts[i], i + 1, frequencyPosition[i])).ToList();
        return situations == 0
            ? new QuestionRanking(id, label, rows, 0, 0, 0)
            : new QuestionRanking(id, label, rows, situations, formTotal / situations, frequencyTotal / situations);
    }

    private static IEnumerable<int> MaskIds(UInt128 mask)
    {
        for (var id = 0; id < 128; id++)
        {
            if ((mask & (UInt128.One << id)) != 0)
            {
                yield return id;
            }
        }
    }
}
