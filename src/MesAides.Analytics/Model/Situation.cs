using System.Collections.Immutable;

namespace MesAides.Analytics.Model;

/// <summary>One stored simulation, whatever its storage generation.</summary>
/// <param name="Id">The stored id, or <c>#N</c> (N = position in the input) when the document has none.</param>
/// <param name="Format">Storage generation the document was read from.</param>
/// <param name="Version">The stored schema version (<c>version</c> or <c>__v</c>), when present.</param>
/// <param name="DateDeValeur">Instant of the simulation (UTC).</param>
/// <param name="Status">Stored status (<c>new</c>, <c>test</c>, <c>anonymized</c>…).</param>
/// <param name="ModifiedFrom">Id of the simulation this one is an edited copy of.</param>
public sealed record Situation(
    string Id,
    StorageFormat Format,
    int? Version,
    DateTimeOffset DateDeValeur,
    string? Status,
    string? ModifiedFrom,
    Household Household,
    ImmutableArray<Individual> Individuals)
{
    /// <summary>The Paris calendar date of the simulation.</summary>
    public DateOnly Date => ParisTime.Date(DateDeValeur);

    /// <summary>Month M of the definitions: the Paris month of the date of value.</summary>
    public YearMonth Month => YearMonth.Of(Date);
}
