using System.Collections.Immutable;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Tests.TestSupport;

/// <summary>Test data builders: each test states only what matters to it.</summary>
public static partial class Some
{
    private static int _counter;

    public static DateOnly DefaultDate { get; } = new(2016, 3, 15);

    public static Situation Situation(
        string? id = null,
        DateOnly? date = null,
        string? status = "new",
        string? modifiedFrom = null,
        Household? household = null,
        StorageFormat format = StorageFormat.A,
        params Individual[] individuals) =>
        new(
            id ?? $"s{Interlocked.Increment(ref _counter)}",
            format,
            null,
            ParisTime.Midnight(date ?? DefaultDate).AddHours(10),
            status,
            modifiedFrom,
            household ?? Household(),
            individuals.Length == 0 ? [Individual()] : [.. individuals]);

    public static Household Household(
        HousingCategory? category = HousingCategory.Locataire,
        string? detail = "locataire_vide",
        double? loyer = 450,
        string? postalCode = "31000",
        string? insee = "31555",
        string? commune = "Toulouse") =>
        new(category, detail, loyer, null, postalCode, insee, commune);

    public static Individual Individual(
        string id = "demandeur",
        string role = "demandeur",
        DateOnly? birthDate = null,
        int? age = null,
        params MonthlyAmount[] resources) =>
        new(id, role, birthDate ?? (age is null ? new DateOnly(1980, 5, 17) : null), age, [.. resources], ImmutableArray<FiscalAmount>.Empty);

    public static MonthlyAmount Monthly(string type, string month, double amount) => new(type, YearMonth.Parse(month), amount);
}
