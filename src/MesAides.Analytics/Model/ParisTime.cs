namespace MesAides.Analytics.Model;

/// <summary>
/// Calendar dates are taken in Europe/Paris: the simulator stored dates as UTC instants of Paris local
/// midnight (<c>1988-12-31T23:00:00Z</c> is 1 January 1989).
/// </summary>
public static class ParisTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    /// <summary>The UTC instant of Paris midnight of a calendar date.</summary>
    public static DateTimeOffset Midnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
