namespace MesAides.Analytics.Reference;

/// <summary>A current commune with its population and postal codes.</summary>
/// <param name="Insee">Five-character INSEE code (<c>01053</c>, <c>2A004</c>).</param>
/// <param name="Departement">Département code (<c>01</c>, <c>2A</c>, <c>971</c>).</param>
/// <param name="Region">Région code (<c>84</c>, <c>11</c>).</param>
public sealed record Commune(string Insee, string Name, string Departement, string Region, long? Population, IReadOnlyList<string> PostalCodes);

/// <summary>How a situation's commune was found (the report's <c>resolution</c> column).</summary>
public enum Resolution
{
    /// <summary>From the stored INSEE code (possibly an old or arrondissement code mapped to today's commune).</summary>
    Insee,

    /// <summary>From a postal code shared by no other commune.</summary>
    PostalUnique,

    /// <summary>From a postal code shared by several communes: the most populous was taken.</summary>
    PostalAmbiguous,

    /// <summary>No usable code.</summary>
    Unknown,
}

public static class Resolutions
{
    public static string Id(this Resolution resolution) => resolution switch
    {
        Resolution.Insee => "insee",
        Resolution.PostalUnique => "postal-unique",
        Resolution.PostalAmbiguous => "postal-ambiguous",
        _ => "unknown",
    };
}

/// <summary>Where a situation lands: a current commune (or none) and how it was found.</summary>
public readonly record struct Location(Commune? Commune, Resolution Resolution)
{
    public static Location Unknown { get; } = new(null, Resolution.Unknown);
}
