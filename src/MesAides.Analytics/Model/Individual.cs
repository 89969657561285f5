using System.Collections.Immutable;

namespace MesAides.Analytics.Model;

/// <summary>One member of the household.</summary>
/// <param name="Id">The stored id (<c>_id</c> or <c>id</c>), or <c>individu_N</c> by position.</param>
/// <param name="Role"><c>demandeur</c>, <c>conjoint</c>, <c>enfant</c> or another stored role.</param>
/// <param name="BirthDate">Paris calendar date of birth, when stored.</param>
/// <param name="DeclaredAge">Age stored instead of a birth date (anonymised format C documents).</param>
public sealed record Individual(
    string Id,
    string? Role,
    DateOnly? BirthDate,
    int? DeclaredAge,
    ImmutableArray<MonthlyAmount> Resources,
    ImmutableArray<FiscalAmount> FiscalResources)
{
    /// <summary>Age in whole years at a date (the date of value), from the birth date or the stored age.</summary>
    public int? AgeAt(DateOnly date)
    {
        if (BirthDate is not { } birth)
        {
            return DeclaredAge;
        }

        var age = date.Year - birth.Year;
        if (date.Month < birth.Month || (date.Month == birth.Month && date.Day < birth.Day))
        {
            age--;
        }

        return age;
    }
}
