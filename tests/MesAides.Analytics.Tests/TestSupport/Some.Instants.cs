using MesAides.Analytics.Model;

namespace MesAides.Analytics.Tests.TestSupport;

public static partial class Some
{
    /// <summary>A situation simulated at an exact instant (the other builders put it at 10:00 Paris time).</summary>
    public static Situation At(DateTimeOffset instant, Household? household = null, StorageFormat format = StorageFormat.A, params Individual[] individuals) =>
        Situation(household: household, format: format, individuals: individuals) with { DateDeValeur = instant };

    /// <summary>An instant given as Paris local wall-clock time (e.g. <c>2016-03-27 03:30</c>).</summary>
    public static DateTimeOffset Paris(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, ParisTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
