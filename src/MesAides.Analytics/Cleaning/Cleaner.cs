using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Cleaning;

/// <summary>
/// Removes test data. Rules apply in a fixed order and a situation is counted once, under the first rule
/// that matches; every removal is in the audit. The cleaner itself holds no state: each run does.
/// </summary>
public sealed class Cleaner(CleaningOptions? options = null)
{
    public static Cleaner Default { get; } = new();

    public CleaningOptions Options { get; } = options ?? CleaningOptions.Default;

    /// <summary>Starts a streaming run: call <see cref="CleaningRun.Keep"/> for each situation, in input order.</summary>
    public CleaningRun Start(LoadAudit load) => new(this, load);

    /// <summary>Cleans situations already in memory.</summary>
    public CleanResult Apply(LoadResult load)
    {
        var run = Start(load.Audit);
        var kept = load.Situations.Where(run.Keep).ToList();
        return new CleanResult(kept, run.Audit);
    }

    /// <summary>Streams the situations of a source that survive cleaning; the audit fills as it goes.</summary>
    public IEnumerable<Situation> Filter(SituationSource source, out CleaningAudit audit)
    {
        var load = source.NewAudit();
        var run = Start(load);
        audit = run.Audit;
        return source.Stream(load).Where(run.Keep);
    }

    /// <summary>The first rule a situation breaks, or null. Duplicates need a run's memory of ids.</summary>
    public string? FirstBrokenRule(Situation situation, ISet<ulong>? seenIds = null)
    {
        var o = Options;
        if (seenIds is not null && o.IsEnabled(CleaningRules.Duplicate) && !situation.Id.StartsWith('#') && !seenIds.Add(IdHash(situation.Id)))
        {
            return CleaningRules.Duplicate;
        }

        if (o.IsEnabled(CleaningRules.Status) && situation.Status is { } status && o.TestStatuses.Contains(status))
        {
            return CleaningRules.Status;
        }

        if (o.IsEnabled(CleaningRules.EditedCopy) && !string.IsNullOrEmpty(situation.ModifiedFrom))
        {
            return CleaningRules.EditedCopy;
        }

        var date = situation.Date;
        if (o.IsEnabled(CleaningRules.ImplausibleAge) && situation.Individuals.Any(i => i.AgeAt(date) is { } age && (age > o.MaxAge || age < 0 || i.BirthDate > date)))
        {
            return CleaningRules.ImplausibleAge;
        }

        if (o.IsEnabled(CleaningRules.TestBirthDate) && situation.Individuals.Any(i => i.BirthDate == o.TestBirthDate))
        {
            return CleaningRules.TestBirthDate;
        }

        var household = situation.Household;
        if (o.IsEnabled(CleaningRules.TestHousingValues) && (household.Loyer == o.TestRent || household.PostalCode == o.TestPostalCode))
        {
            return CleaningRules.TestHousingValues;
        }

        if (o.IsEnabled(CleaningRules.TestCommune) && household.Insee is { } insee && o.TestCommunes.Contains(insee))
        {
            return CleaningRules.TestCommune;
        }

        if (o.IsEnabled(CleaningRules.BeforeStart) && date < o.Start)
        {
            return CleaningRules.BeforeStart;
        }

        return null;
    }

    /// <summary>Ids are remembered as 64-bit hashes: 8 bytes each whatever their length (millions of documents).</summary>
    /// <remarks>FNV-1a: with 64 bits, a collision among 10 million ids has a chance of about 3 in a million.</remarks>
    internal static ulong IdHash(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}

/// <summary>One pass of cleaning over one input, in input order.</summary>
public sealed class CleaningRun
{
    private readonly Cleaner _cleaner;
    private readonly HashSet<ulong> _seen = [];

    internal CleaningRun(Cleaner cleaner, LoadAudit load)
    {
        _cleaner = cleaner;
        Audit = new CleaningAudit(load, cleaner.Options);
    }

    public CleaningAudit Audit { get; }

    public bool Keep(Situation situation)
    {
        var rule = _cleaner.FirstBrokenRule(situation, _seen);
        Audit.Count(rule);
        return rule is null;
    }
}

/// <summary>The situations kept, and what was removed and why.</summary>
public sealed record CleanResult(IReadOnlyList<Situation> Situations, CleaningAudit Audit);
