using System.Collections.Immutable;

namespace MesAides.Analytics.Cleaning;

/// <summary>Stable ids of the cleaning rules, in the order they apply (the audit's rows).</summary>
public static class CleaningRules
{
    /// <summary>A document whose id was already seen in this input.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Status <c>test</c>, <c>demo</c> or <c>investigation</c>.</summary>
    public const string Status = "status";

    /// <summary>An edited copy of an earlier simulation (<c>modifiedFrom</c>); the simulator's own counter left them out.</summary>
    public const string EditedCopy = "edited-copy";

    /// <summary>Someone older than the maximum age at the date of value, or born after it.</summary>
    public const string ImplausibleAge = "implausible-age";

    /// <summary>Someone born on 2012-12-12, the testers' birth date.</summary>
    public const string TestBirthDate = "test-birth-date";

    /// <summary>Rent exactly 123 or postal code 12345, the testers' values.</summary>
    public const string TestHousingValues = "test-housing-values";

    /// <summary>One of the uninhabited villages testers picked (55039 Beaumont-en-Verdunois…).</summary>
    public const string TestCommune = "test-commune";

    /// <summary>Date of value before the start of the study (2015-01-01).</summary>
    public const string BeforeStart = "before-start";

    public static ImmutableArray<string> All { get; } =
        [Duplicate, Status, EditedCopy, ImplausibleAge, TestBirthDate, TestHousingValues, TestCommune, BeforeStart];

    /// <summary>One line per rule, for the audit table and the report's method section.</summary>
    public static string Describe(string rule) => rule switch
    {
        Duplicate => "document déjà lu (même identifiant)",
        Status => "statut test, demo ou investigation",
        EditedCopy => "copie modifiée d'une simulation (modifiedFrom)",
        ImplausibleAge => "individu de plus de 120 ans à la date de la simulation, ou né après elle",
        TestBirthDate => "individu né le 12/12/2012 (valeur de test)",
        TestHousingValues => "loyer de 123 € ou code postal 12345 (valeurs de test)",
        TestCommune => "commune de test (villages détruits de la Meuse, code postal 55100)",
        BeforeStart => "simulation antérieure au début de l'étude",
        _ => rule,
    };
}
