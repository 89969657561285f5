using System.Collections.Immutable;
using MesAides.Analytics.Model;
using MongoDB.Driver;

namespace MesAides.Analytics.Loading.Mongo;

/// <summary>What to read from a MongoDB collection, and how.</summary>
public sealed record MongoSourceOptions
{
    public static MongoSourceOptions Default { get; } = new();

    /// <summary>The collection; else the one named in the URI path (<c>/dds.situations</c>); else <c>situations</c>, or <c>simulations</c> (format C) when only that one exists.</summary>
    public string? Collection { get; init; }

    /// <summary>The database; else the one named in the URI path.</summary>
    public string? Database { get; init; }

    /// <summary>First Paris calendar day of <c>dateDeValeur</c> to read (inclusive).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last Paris calendar day of <c>dateDeValeur</c> to read (inclusive).</summary>
    public DateOnly? To { get; init; }

    /// <summary>
    /// Statuses left out by the query itself (e.g. <c>test, demo, investigation</c>): those documents are never
    /// read, so the audit does not count them; the source's name says so. Empty: every status is read and
    /// the cleaning rule <c>status</c> counts them.
    /// </summary>
    public ImmutableArray<string> ExcludeStatuses { get; init; } = [];

    /// <summary>Documents per server round trip.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Server-side time limit of each query (<c>maxTimeMS</c>); null for none.</summary>
    public TimeSpan? MaxTime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Read preference; null takes the URI's <c>readPreference</c>, else <c>secondaryPreferred</c> (keeps the load off the primary).</summary>
    public ReadPreferenceMode? ReadPreference { get; init; }

    /// <summary>Compute the counts with aggregations on the server (<see cref="MongoSituationSource.Counts(Cleaning.Cleaner?, Enrichment.Enricher?)"/>).</summary>
    public bool Pushdown { get; init; }

    /// <summary>Tries of each operation when the error is transient.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Progress and retry messages (connection strings already redacted); null to stay silent.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The period as UTC instants: [Paris midnight of <see cref="From"/>, Paris midnight of the day after <see cref="To"/>).</summary>
    public (DateTimeOffset? Start, DateTimeOffset? End) Period =>
        (From is { } from ? ParisTime.Midnight(from) : null, To is { } to ? ParisTime.Midnight(to.AddDays(1)) : null);

    /// <summary>Checks the values that a query would otherwise reject with a less clear message.</summary>
    public void Validate()
    {
        if (From is { } from && To is { } to && to < from)
        {
            throw new ArgumentException($"the period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentException($"batch size must be at least 1, not {BatchSize}");
        }

        if (MaxTime is { } max && max <= TimeSpan.Zero)
        {
            throw new ArgumentException("maxTimeMS must be positive");
        }
    }
}
