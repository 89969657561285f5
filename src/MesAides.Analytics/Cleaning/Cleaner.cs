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
    public string? FirstBrokenRule(Situation situation, ISet<ulong>? seenIds = null) =>
        seenIds is not null && _duplicate && !situation.Id.StartsWith('#') && !seenIds.Add(IdHash(situation.Id))
            ? CleaningRules.Duplicate
            : FirstBrokenOtherRule(situation);

    /// <summary>The rule check of a run: ids remembered in a compact set.</summary>
    internal string? FirstBrokenRule(Situation situation, IdSet seenIds) =>
        _duplicate && !situation.Id.StartsWith('#') && !seenIds.Add(IdHash(situation.Id))
            ? CleaningRules.Duplicate
            : FirstBrokenOtherRule(situation);

    // Which rules are on, read once: the options are immutable and the check runs for every document.
    private readonly bool _duplicate = (options ?? CleaningOptions.Default).IsEnabled(CleaningRules.Duplicate);
    private readonly bool _status = (options ?? CleaningOptions.Default).IsEnabled(CleaningRules.Status);
    private readonly bool _editedCopy = (options ?? CleaningOptions.Default).IsEnabled(CleaningRules.EditedCopy);
    private readonly bool _implausibleAge = (options ?? CleaningOptions.Default).IsEnabled(CleaningRules.ImplausibleAge);
    private readonly bool _testBirthDate = (options ?? CleaningOptions.Default).IsEnabled(CleaningRules.TestBirthDate);
    private readonly bool _testHousingValues = (options ?? CleaningOptions.Default).IsEnabled(CleaningRules.TestHousingValues);
    private readonly bool _testCommune = (options ?? CleaningOptions.Default).IsEnabled(CleaningRules.TestCommune);
    private readonly bool _beforeStart = (options ?? CleaningOptions.Default).IsEnabled(CleaningRules.BeforeStart);

    private string? FirstBrokenOtherRule(Situation situation)
    {
        var o = Options;
        if (_status && situation.Status is { } status && o.TestStatuses.Contains(status))
        {
            return CleaningRules.Status;
        }

        if (_editedCopy && !string.IsNullOrEmpty(situation.ModifiedFrom))
        {
            return CleaningRules.EditedCopy;
        }

        var date = situation.Date;
        var individuals = situation.Individuals;
        if (_implausibleAge)
        {
            foreach (var i in individuals)
            {
                if (i.AgeAt(date) is { } age && (age > o.MaxAge || age < 0 || i.BirthDate > date))
                {
                    return CleaningRules.ImplausibleAge;
                }
            }
        }

        if (_testBirthDate)
        {
            foreach (var i in individuals)
            {
                if (i.BirthDate == o.TestBirthDate)
                {
                    return CleaningRules.TestBirthDate;
                }
            }
        }

        var household = situation.Household;
        if (_testHousingValues && (household.Loyer == o.TestRent || household.PostalCode == o.TestPostalCode))
        {
            return CleaningRules.TestHousingValues;
        }

        if (_testCommune && household.Insee is { } insee && o.TestCommunes.Contains(insee))
        {
            return CleaningRules.TestCommune;
        }

        if (_beforeStart && date < o.Start)
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
    private readonly IdSet _seen = new();

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

/// <summary>
/// The id hashes of a run, 8 bytes a slot (a <see cref="HashSet{T}"/> takes 20 and more an id) in small tables
/// found by the hash's top bits (extendible hashing): a full table splits in two instead of the whole set being
/// copied into an array twice as large, so no large array is ever left behind for the garbage collector and
/// memory stays close to what the ids need over millions of documents.
/// </summary>
internal sealed class IdSet
{
    // 64 KiB a table: under the large object heap threshold. Linear probing stays short up to 90 % full
    // within a table this size (a few cache lines a probe).
    private const int TableSlots = 8192;
    private const int MaxPerTable = TableSlots / 10 * 9;

    private readonly ulong[] _scratch = new ulong[TableSlots];
    private Table[] _directory = [new Table(0)];
    private int _depth;
    private bool _hasZero;

    public long Count { get; private set; }

    private sealed class Table(int depth)
    {
        public int Depth { get; set; } = depth;

        public ulong[] Slots { get; } = new ulong[TableSlots];

        public int Count { get; set; }
    }

    /// <summary>Adds a hash; false when it was already there.</summary>
    public bool Add(ulong hash)
    {
        if (hash == 0)
        {
            // 0 marks an empty slot: the one id hashing to 0 is remembered apart.
            var added = !_hasZero;
            _hasZero = true;
            Count += added ? 1 : 0;
            return added;
        }

        var mixed = hash * 0x9E3779B97F4A7C15UL;
        while (true)
        {
            var table = _directory[_depth == 0 ? 0 : (int)(mixed >> (64 - _depth))];
            if (table.Count < MaxPerTable)
            {
                var added = Insert(table, hash, mixed);
                Count += added ? 1 : 0;
                return added;
            }

            if (Contains(table, hash, mixed))
            {
                return false;
            }

            Split(table);
        }
    }

    /// <summary>The slot to start from: middle bits of the mixed hash, apart from the directory's top bits.</summary>
    private static int Start(ulong mixed) => (int)(mixed >> 24) & (TableSlots - 1);

    private static bool Insert(Table table, ulong hash, ulong mixed)
    {
        var slots = table.Slots;
        for (var i = Start(mixed); ; i = (i + 1) & (TableSlots - 1))
        {
            var slot = slots[i];
            if (slot == 0)
            {
                slots[i] = hash;
                table.Count++;
                return true;
            }

            if (slot == hash)
            {
                return false;
            }
        }
    }

    private static bool Contains(Table table, ulong hash, ulong mixed)
    {
        var slots = table.Slots;
        for (var i = Start(mixed); ; i = (i + 1) & (TableSlots - 1))
        {
            var slot = slots[i];
            if (slot == hash)
            {
                return true;
            }

            if (slot == 0)
            {
                return false;
            }
        }
    }

    private void Split(Table table)
    {
        if (table.Depth == _depth)
        {
            // Double the directory: each entry twice, in order.
            var doubled = new Table[_directory.Length * 2];
            for (var i = 0; i < _directory.Length; i++)
            {
                doubled[2 * i] = doubled[(2 * i) + 1] = _directory[i];
            }

            _directory = doubled;
            _depth++;
        }

        // The table keeps the low half in its own array (refilled from a copy): a split leaves no garbage.
        var bit = 63 - table.Depth;
        table.Slots.CopyTo(_scratch, 0);
        Array.Clear(table.Slots);
        table.Count = 0;
        table.Depth++;
        var low = table;
        var high = new Table(table.Depth);
        foreach (var hash in _scratch)
        {
            if (hash != 0)
            {
                var mixed = hash * 0x9E3779B97F4A7C15UL;
                Insert(((mixed >> bit) & 1) == 0 ? low : high, hash, mixed);
            }
        }

        // The directory entries of the old table: a run of 2^(depth - old depth), first half low, second high.
        var run = 1 << (_depth - table.Depth + 1);
        var first = 0;
        while (_directory[first] != table)
        {
            first++;
        }

        for (var i = 0; i < run; i++)
        {
            _directory[first + i] = i < run / 2 ? low : high;
        }
    }
}

/// <summary>The situations kept, and what was removed and why.</summary>
public sealed record CleanResult(IReadOnlyList<Situation> Situations, CleaningAudit Audit);
