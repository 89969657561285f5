using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;

namespace MesAides.Analytics.Enrichment;

/// <summary>A situation kept by cleaning, as the analyses see it: with its commune resolved.</summary>
public readonly record struct Observation(Situation Situation, Location Location)
{
    public Commune? Commune => Location.Commune;
}

/// <summary>Adds what the reference data knows to each situation (today's commune, département, région).</summary>
public sealed class Enricher(Geography geography)
{
    public static Enricher Default { get; } = new(Geography.Default);

    public Geography Geography { get; } = geography;

    public Observation Enrich(Situation situation) => new(situation, Geography.Resolve(situation.Household));

    public IEnumerable<Observation> Enrich(IEnumerable<Situation> situations) => situations.Select(Enrich);
}
