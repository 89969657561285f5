using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;

namespace MesAides.Analytics.Analyses;

/// <summary>Every analysis of the study, computed together in one pass (what the report shows).</summary>
public sealed record StudyResults(
    long Situations,
    long Individuals,
    HousingResult Housing,
    GeographyResult Geography,
    ResourceResult Resources,
    IncomeResult Income,
    AgeResult Ages,
    RentResult Rent,
    TimeResult Time,
    QuestionOrderResult QuestionOrder,
    DataQualityResult Quality,
    IncomeCorrelationResult? IncomeCorrelation,
    VisitsComparisonResult? Visits) : ITabular
{
    public IReadOnlyList<Table> Tables =>
    [
        .. Housing.Tables, .. Geography.Tables, .. Resources.Tables, .. Income.Tables, .. Ages.Tables, .. Rent.Tables,
        .. Time.Tables, .. QuestionOrder.Tables, .. Quality.Tables,
        .. IncomeCorrelation?.Tables ?? [], .. Visits?.Tables ?? [],
    ];
}

/// <summary>Inputs some analyses need besides the situations; each is optional.</summary>
/// <param name="Filosofi">The user's INSEE Filosofi medians: enables the income correlation.</param>
/// <param name="Visits">A web-analytics export: enables the comparison of simulations with visits.</param>
public sealed record StudyInputs(
    Reference.FilosofiData? Filosofi = null,
    Loading.VisitsData? Visits = null,
    QuestionOrderOptions? QuestionOrder = null)
{
    public static StudyInputs None { get; } = new();
}

/// <summary>Feeds one observation to every analysis of the study.</summary>
public sealed class Study(Geography geography, StudyInputs? inputs = null) : IAnalysis<StudyResults>
{
    private readonly Housing _housing = new();
    private readonly GeographyUsage _geography = new(geography);
    private readonly ResourceUsage _resources = new();
    private readonly Income _income = new();
    private readonly AgesAndHouseholds _ages = new();
    private readonly Rent _rent = new(geography);
    private readonly TimeUsage _time = new();
    private readonly QuestionOrder _questionOrder = new(inputs?.QuestionOrder);
    private readonly DataQuality _quality = new();
    private readonly IncomeCorrelation? _correlation = inputs?.Filosofi is { } filosofi ? new IncomeCorrelation(filosofi, geography: geography) : null;
    private readonly VisitsComparison? _visits = inputs?.Visits is { } visits ? new VisitsComparison(visits) : null;
    private long _situations;
    private long _individuals;

    public static StudyResults Run(IEnumerable<Situation> situations, StudyInputs? inputs = null, Geography? geography = null)
    {
        var enricher = new Enricher(geography ?? Geography.Default);
        return Pass.Run(new Study(enricher.Geography, inputs), enricher.Enrich(situations));
    }

    public void Add(in Observation observation)
    {
        _situations++;
        _individuals += observation.Situation.Individuals.Length;
        _housing.Add(observation);
        _geography.Add(observation);
        _resources.Add(observation);
        _income.Add(observation);
        _ages.Add(observation);
        _rent.Add(observation);
        _time.Add(observation);
        _questionOrder.Add(observation);
        _quality.Add(observation);
        _correlation?.Add(observation);
        _visits?.Add(observation);
    }

    public StudyResults Result() => new(
        _situations,
        _individuals,
        _housing.Result(),
        _geography.Result(),
        _resources.Result(),
        _income.Result(),
        _ages.Result(),
        _rent.Result(),
        _time.Result(),
        _questionOrder.Result(),
        _quality.Result(),
        _correlation?.Result(),
        _visits?.Result());
}
