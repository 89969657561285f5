namespace MesAides.Analytics.Model;

/// <summary>A monthly amount declared for one resource type (harmonised name) and one month.</summary>
public readonly record struct MonthlyAmount(string Type, YearMonth Month, double Amount);

/// <summary>A yearly fiscal amount (<c>rnc*</c> types, or any <c>YYYY</c> period): kept apart from monthly ones.</summary>
public readonly record struct FiscalAmount(string Type, int Year, double Amount);
