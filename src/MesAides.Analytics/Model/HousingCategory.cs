namespace MesAides.Analytics.Model;

/// <summary>The four housing categories of the seed post (the form's first housing question).</summary>
public enum HousingCategory
{
    Locataire,
    Proprietaire,
    Heberge,
    SansDomicile,
}

public static class HousingCategories
{
    public static IReadOnlyList<HousingCategory> All { get; } =
        [HousingCategory.Locataire, HousingCategory.Proprietaire, HousingCategory.Heberge, HousingCategory.SansDomicile];

    /// <summary>The French label used in tables and charts (a contract of the CSV tables).</summary>
    public static string Label(this HousingCategory category) => category switch
    {
        HousingCategory.Locataire => "Locataire",
        HousingCategory.Proprietaire => "Propriétaire",
        HousingCategory.Heberge => "Hébergé",
        HousingCategory.SansDomicile => "Sans domicile",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static HousingCategory? FromLabel(string? label) => label switch
    {
        "Locataire" => HousingCategory.Locataire,
        "Propriétaire" => HousingCategory.Proprietaire,
        "Hébergé" => HousingCategory.Heberge,
        "Sans domicile" => HousingCategory.SansDomicile,
        null or "" => null,
        _ => throw new FormatException($"unknown housing category '{label}'"),
    };
}
