using System.Globalization;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Loading;

/// <summary>
/// The tidy tables contract (file and column names read by other tools). Rows of the child tables
/// follow their situation's order, which lets the tables be read back as a stream.
/// </summary>
public static class CsvTables
{
    public const string SituationsFile = "situations.csv";
    public const string IndividualsFile = "individuals.csv";
    public const string ResourcesFile = "resources.csv";
    public const string FiscalResourcesFile = "fiscal_resources.csv";

    /// <summary>The contract's columns first; <c>date_de_valeur_utc</c>, <c>version</c> and <c>charges</c> follow.</summary>
    public static IReadOnlyList<string> SituationColumns { get; } =
        ["id", "format", "date_de_valeur", "status", "modified_from", "housing", "housing_detail", "rent", "postal_code", "insee", "commune", "date_de_valeur_utc", "version", "charges"];

    public static IReadOnlyList<string> IndividualColumns { get; } = ["situation_id", "individual_id", "role", "birth_date", "age"];

    public static IReadOnlyList<string> ResourceColumns { get; } = ["situation_id", "individual_id", "type", "month", "amount"];

    public static IReadOnlyList<string> FiscalResourceColumns { get; } = ["situation_id", "individual_id", "type", "year", "amount"];

    internal const string DateFormat = "yyyy-MM-dd";
    internal const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string? Number(double? value) => value is { } v ? Number(v) : null;

    internal static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    internal static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    internal static string FormatName(StorageFormat format) => format.ToString();
}
