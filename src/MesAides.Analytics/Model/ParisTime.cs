namespace MesAides.Analytics.Model;

/// <summary>
/// Calendar dates are taken in Europe/Paris: the simulator stored dates as UTC instants of Paris local
/// midnight (<c>1988-12-31T23:00:00Z</c> is 1 January 1989).
/// </summary>
/// <remarks>
/// Conversions read a table of UTC offsets per day, filled as days are met (a pure function memoised: every
/// thread computes the same value), instead of a time-zone conversion per call; days with a daylight-saving
/// change, and days outside 1900–2100, use the conversion.
/// </remarks>
public static class ParisTime
{
    private const int Unknown = 0;
    private const int Transition = int.MinValue;
    private static readonly long FirstTicks = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int[] OffsetMinutesPlusOne = new int[(int)((new DateTime(2101, 1, 1).Ticks - new DateTime(1900, 1, 1).Ticks) / TimeSpan.TicksPerDay)];

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime Local(DateTimeOffset instant)
    {
        var utcTicks = instant.UtcTicks;
        var day = (utcTicks - FirstTicks) / TimeSpan.TicksPerDay;
        if ((ulong)day >= (ulong)OffsetMinutesPlusOne.Length)
        {
            return TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        }

        var cached = Volatile.Read(ref OffsetMinutesPlusOne[day]);
        if (cached == Unknown)
        {
            var start = new DateTimeOffset(FirstTicks + (day * TimeSpan.TicksPerDay), TimeSpan.Zero);
            var first = Zone.GetUtcOffset(start);
            var last = Zone.GetUtcOffset(start.AddTicks(TimeSpan.TicksPerDay - 1));
            cached = first == last ? (int)first.TotalMinutes + 1 : Transition;
            Volatile.Write(ref OffsetMinutesPlusOne[day], cached);
        }

        return cached == Transition
            ? TimeZoneInfo.ConvertTime(instant, Zone).DateTime
            : new DateTime(utcTicks + ((cached - 1) * TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
    }

    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    /// <summary>The UTC instant of Paris midnight of a calendar date.</summary>
    public static DateTimeOffset Midnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
