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
    RentResult Rent) : ITabular
{
    public IReadOnlyList<Table> Tables =>
        [.. Housing.Tables, .. Geography.Tables, .. Resources.Tables, .. Income.Tables, .. Ages.Tables, .. Rent.Tables];
}

/// <summary>Feeds one observation to every analysis of the study.</summary>
public sealed class Study(Geography geography) : IAnalysis<StudyResults>
{
    private readonly Housing _housing = new();
    private readonly GeographyUsage _geography = new(geography);
    private readonly ResourceUsage _resources = new();
    private readonly Income _income = new();
    private readonly AgesAndHouseholds _ages = new();
    private readonly Rent _rent = new(geography);
    private long _situations;
    private long _individuals;

    public static StudyResults Run(IEnumerable<Situation> situations, Geography? geography = null)
    {
        var enricher = new Enricher(geography ?? Geography.Default);
        return Pass.Run(new Study(enricher.Geography), enricher.Enrich(situations));
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
    }

    public StudyResults Result() => new(
        _situations,
        _individuals,
        _housing.Result(),
        _geography.Result(),
        _resources.Result(),
        _income.Result(),
        _ages.Result(),
        _rent.Result());
}
