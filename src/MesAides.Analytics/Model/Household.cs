namespace MesAides.Analytics.Model;

/// <summary>Where and how the household lives, as declared.</summary>
/// <param name="Category">The 4-way category, or null when the housing question was not answered.</param>
/// <param name="HousingDetail">The detailed status in today's vocabulary (<c>locataire_hlm</c>, <c>primo_accedant</c>…).</param>
/// <param name="Loyer">Monthly rent (or loan repayment), as declared.</param>
/// <param name="Charges">Monthly charges, as declared.</param>
/// <param name="PostalCode">Five-character postal code, as declared.</param>
/// <param name="Insee">Five-character INSEE commune code (<c>depcom</c>), as declared.</param>
/// <param name="Commune">Commune name, as declared.</param>
public sealed record Household(
    HousingCategory? Category,
    string? HousingDetail,
    double? Loyer,
    double? Charges,
    string? PostalCode,
    string? Insee,
    string? Commune)
{
    public static Household Empty { get; } = new(null, null, null, null, null, null, null);
}
