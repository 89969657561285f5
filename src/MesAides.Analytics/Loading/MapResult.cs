using MesAides.Analytics.Model;

namespace MesAides.Analytics.Loading;

/// <summary>The outcome of reading one document: a situation, or the reason it was rejected.</summary>
public readonly record struct MapResult(Situation? Situation, Rejection? Rejection)
{
    public static MapResult Of(Situation situation) => new(situation, null);

    public static MapResult Of(Rejection rejection) => new(null, rejection);
}
