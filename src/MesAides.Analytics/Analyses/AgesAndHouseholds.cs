using System.Globalization;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;

namespace MesAides.Analytics.Analyses;

/// <summary>Individuals of one role in one age band; <see cref="Share"/> is within the role.</summary>
public sealed record AgeBandCount(string Band, string Role, long Individuals, double Share);

/// <summary>Situations with a number of children (the last row is "4+").</summary>
public sealed record ChildrenCount(string Children, long Situations, double Share);

/// <summary>
/// Who is in the household: individuals by age band (at the date of value) and role, households by number of
/// children, couples. Grain: one row per (age band, role); one row per number of children.
/// </summary>
public sealed record AgeResult(
    IReadOnlyList<AgeBandCount> Ages,
    IReadOnlyList<ChildrenCount> Children,
    long Individuals,
    long Situations,
    long Couples) : ITabular
{
    public double ShareCouples => Shares.Of(Couples, Situations);

    /// <summary>Individuals of a role (all bands, unknown age included).</summary>
    public long InRole(string role) => Ages.Where(a => a.Role == role).Sum(a => a.Individuals);

    public Table AgeTable => new(
        "ages",
        [Column.Text("band"), Column.Text("role"), Column.Count("individuals"), Column.Derived("share", "individuals")],
        [.. Ages.Select(a => new object?[] { a.Band, a.Role, a.Individuals, a.Share })]);

    public Table HouseholdTable => new(
        "households",
        [Column.Text("children"), Column.Count("situations"), Column.Derived("share", "situations")],
        [.. Children.Select(c => new object?[] { c.Children, c.Situations, c.Share })]);

    /// <summary>Situations with and without a conjoint (the two rows sum to all situations).</summary>
    public Table CoupleTable => new(
        "couples",
        [Column.Text("conjoint"), Column.Count("situations"), Column.Derived("share", "situations")],
        [
            [AgesAndHouseholds.WithConjoint, Couples, ShareCouples],
            [AgesAndHouseholds.WithoutConjoint, Situations - Couples, Shares.Of(Situations - Couples, Situations)],
        ]);

    public IReadOnlyList<Table> Tables => [AgeTable, HouseholdTable, CoupleTable];
}

/// <summary>The ages question (the original's "âge des demandeurs") and the shape of households.</summary>
public sealed class AgesAndHouseholds : IAnalysis<AgeResult>
{
    public const string UnknownBand = "inconnu";
    public const string WithConjoint = "avec conjoint";
    public const string WithoutConjoint = "sans conjoint";
    public const string OtherRole = "autre";

    /// <summary>Age bands (lower bound, label); an age is in the last band whose lower bound it reaches.</summary>
    public static IReadOnlyList<(int From, string Label)> Bands { get; } =
        [(0, "0-9"), (10, "10-17"), (18, "18-24"), (25, "25-39"), (40, "40-59"), (60, "60-74"), (75, "75+")];

    /// <summary>Roles as stored in A and B (C derives them from ids); any other role, or none, is "autre".</summary>
    public static IReadOnlyList<string> Roles { get; } = ["demandeur", "conjoint", "enfant", OtherRole];

    /// <summary>Children per household: 0, 1, 2, 3, then 4 or more.</summary>
    public const int MaxChildren = 4;

    private static readonly int[] BandStarts = [.. Bands.Select(b => b.From)];

    // [role, band]; the last band is "inconnu".
    private readonly long[,] _ages = new long[Roles.Count, Bands.Count + 1];
    private readonly long[] _children = new long[MaxChildren + 1];
    private long _situations;
    private long _couples;

    public static AgeResult Analyse(IEnumerable<Observation> observations) => Pass.Run(new AgesAndHouseholds(), observations);

    /// <summary>Situations need no commune here: they are not enriched.</summary>
    public static AgeResult Analyse(IEnumerable<Situation> situations) =>
        Pass.Run(new AgesAndHouseholds(), situations.Select(s => new Observation(s, Location.Unknown)));

    /// <summary>The band of an age: unknown (or negative: not cleaned) ages are "inconnu".</summary>
    public static string BandOf(int? age)
    {
        var index = BandIndex(age);
        return index < Bands.Count ? Bands[index].Label : UnknownBand;
    }

    public void Add(in Observation observation)
    {
        var situation = observation.Situation;
        var date = situation.Date;
        var children = 0;
        var couple = false;
        foreach (var individual in situation.Individuals)
        {
            var role = RoleIndex(individual.Role);
            _ages[role, BandIndex(individual.AgeAt(date))]++;
            children += role == 2 ? 1 : 0;
            couple |= role == 1;
        }

        _situations++;
        _children[Math.Min(children, MaxChildren)]++;
        if (couple)
        {
            _couples++;
        }
    }

    public AgeResult Result()
    {
        var labels = Bands.Select(b => b.Label).Append(UnknownBand).ToArray();
        var ages = new List<AgeBandCount>(Roles.Count * labels.Length);
        var individuals = 0L;
        for (var r = 0; r < Roles.Count; r++)
        {
            var inRole = 0L;
            for (var b = 0; b < labels.Length; b++)
            {
                inRole += _ages[r, b];
            }

            for (var b = 0; b < labels.Length; b++)
            {
                ages.Add(new AgeBandCount(labels[b], Roles[r], _ages[r, b], Shares.Of(_ages[r, b], inRole)));
            }

            individuals += inRole;
        }

        var children = Enumerable.Range(0, MaxChildren + 1)
            .Select(n => new ChildrenCount(n == MaxChildren ? $"{MaxChildren}+" : n.ToString(CultureInfo.InvariantCulture), _children[n], Shares.Of(_children[n], _situations)))
            .ToList();
        return new AgeResult(ages, children, individuals, _situations, _couples);
    }

    private static int RoleIndex(string? role) => role switch
    {
        "demandeur" => 0,
        "conjoint" => 1,
        "enfant" => 2,
        _ => 3,
    };

    private static int BandIndex(int? age)
    {
        if (age is not { } a || a < 0)
        {
            return Bands.Count;
        }

        var index = 0;
        while (index + 1 < BandStarts.Length && a >= BandStarts[index + 1])
        {
            index++;
        }

        return index;
    }
}
