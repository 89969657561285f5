using MesAides.Analytics.Model;

namespace MesAides.Analytics.Loading;

/// <summary>
/// Maps the housing answers of every generation to one category and one detailed status in today's
/// vocabulary (<c>menage.statut_occupation_logement</c>). The legacy mapping is that of the A→B migration
/// (<c>backend/lib/migrations/initial.js</c>).
/// </summary>
public static class HousingStatuses
{
    public const string LocataireVide = "locataire_vide";
    public const string LocataireHlm = "locataire_hlm";
    public const string LocataireMeuble = "locataire_meuble";
    public const string LocataireFoyer = "locataire_foyer";
    public const string Proprietaire = "proprietaire";
    public const string PrimoAccedant = "primo_accedant";
    public const string LogeGratuitement = "loge_gratuitement";
    public const string SansDomicile = "sans_domicile";

    /// <summary>Detailed statuses in the form's order.</summary>
    public static System.Collections.Immutable.ImmutableArray<string> Details { get; } =
        [LocataireHlm, LocataireVide, LocataireMeuble, LocataireFoyer, PrimoAccedant, Proprietaire, LogeGratuitement, SansDomicile];

    public static HousingCategory? CategoryOf(string? detail) => detail switch
    {
        LocataireVide or LocataireHlm or LocataireMeuble or LocataireFoyer or "locataire" => HousingCategory.Locataire,
        Proprietaire or PrimoAccedant => HousingCategory.Proprietaire,
        LogeGratuitement => HousingCategory.Heberge,
        SansDomicile => HousingCategory.SansDomicile,
        _ => null,
    };

    /// <summary>Format A: <c>logement.type</c> with <c>locationType</c> and <c>primoAccedant</c>.</summary>
    /// <remarks>2014 documents used <c>gratuit</c> (housed free) and <c>payant</c> (housed for a fee):
    /// both are "hébergé" in the 4-way category.</remarks>
    public static (HousingCategory? Category, string? Detail) FromLegacy(string? type, string? locationType, bool? primoAccedant) => type switch
    {
        "locataire" => (HousingCategory.Locataire, locationType switch
        {
            "hlm" => LocataireHlm,
            "meublehotel" => LocataireMeuble,
            "foyer" => LocataireFoyer,
            _ => LocataireVide,
        }),
        "proprietaire" => (HousingCategory.Proprietaire, primoAccedant == true ? PrimoAccedant : Proprietaire),
        "heberge" or "gratuit" => (HousingCategory.Heberge, LogeGratuitement),
        "payant" => (HousingCategory.Heberge, "heberge_payant"),
        "sansDomicile" => (HousingCategory.SansDomicile, SansDomicile),
        null or "" => (null, null),
        _ => (null, type),
    };

    /// <summary>Format B: <c>statut_occupation_logement</c>, including the 2017 French labels.</summary>
    public static (HousingCategory? Category, string? Detail) FromOpenFisca(string? status)
    {
        if (string.IsNullOrEmpty(status))
        {
            return (null, null);
        }

        if (CategoryOf(status) is { } category)
        {
            return (category, status);
        }

        // 2017 documents stored OpenFisca's French labels before migration toV2.
        var lower = status.ToLowerInvariant();
        string? detail =
            lower.Contains("hlm", StringComparison.Ordinal) ? LocataireHlm
            : lower.Contains("meublé", StringComparison.Ordinal) || lower.Contains("hôtel", StringComparison.Ordinal) ? LocataireMeuble
            : lower.Contains("foyer", StringComparison.Ordinal) ? LocataireFoyer
            : lower.Contains("locataire", StringComparison.Ordinal) ? LocataireVide
            : lower.Contains("primo", StringComparison.Ordinal) || lower.Contains("accédant", StringComparison.Ordinal) ? PrimoAccedant
            : lower.Contains("propriétaire", StringComparison.Ordinal) ? Proprietaire
            : lower.Contains("gratuit", StringComparison.Ordinal) ? LogeGratuitement
            : lower.Contains("sans domicile", StringComparison.Ordinal) ? SansDomicile
            : null;
        return detail is null ? (null, status) : (CategoryOf(detail), detail);
    }

    /// <summary>Format C: <c>_logementType</c>, <c>_locationType</c>, <c>_locataireHLM</c> (or <c>statut_occupation_logement</c>).</summary>
    public static (HousingCategory? Category, string? Detail) FromAnswers(string? logementType, string? locationType, bool? hlm, bool? primoAccedant) => logementType switch
    {
        "locataire" => (HousingCategory.Locataire, hlm == true ? LocataireHlm : locationType switch
        {
            "meublehotel" or "meuble" => LocataireMeuble,
            "foyer" => LocataireFoyer,
            _ => LocataireVide,
        }),
        "proprietaire" => (HousingCategory.Proprietaire, primoAccedant == true ? PrimoAccedant : Proprietaire),
        "heberge" => (HousingCategory.Heberge, LogeGratuitement),
        "sansDomicile" => (HousingCategory.SansDomicile, SansDomicile),
        _ => FromOpenFisca(logementType),
    };
}
