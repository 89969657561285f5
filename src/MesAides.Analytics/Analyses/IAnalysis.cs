using MesAides.Analytics.Enrichment;

namespace MesAides.Analytics.Analyses;

/// <summary>
/// An aggregator fed one observation at a time, in input order, in a single pass over the data
/// (the report runs every analysis at once; a notebook can run one).
/// </summary>
public interface IAnalysis
{
    void Add(in Observation observation);
}

/// <summary>An aggregator and the typed result it computes at the end of the pass.</summary>
public interface IAnalysis<out TResult> : IAnalysis
{
    TResult Result();
}

/// <summary>Runs an analysis over observations already in memory (notebooks, tests).</summary>
public static class Pass
{
    /// <summary>Runs over situations, resolving communes with the embedded reference data.</summary>
    public static TResult Run<TResult>(IAnalysis<TResult> analysis, IEnumerable<Model.Situation> situations) =>
        Run(analysis, Enricher.Default.Enrich(situations));

    public static TResult Run<TResult>(IAnalysis<TResult> analysis, IEnumerable<Observation> observations)
    {
        foreach (var observation in observations)
        {
            analysis.Add(observation);
        }

        return analysis.Result();
    }
}
