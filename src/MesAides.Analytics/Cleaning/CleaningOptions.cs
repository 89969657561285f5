using System.Collections.Immutable;

namespace MesAides.Analytics.Cleaning;

/// <summary>Which rules run and their thresholds. Defaults are those of the 2016 study.</summary>
public sealed record CleaningOptions
{
    public static CleaningOptions Default { get; } = new();

    /// <summary>Rule ids switched off.</summary>
    public ImmutableHashSet<string> Disabled { get; init; } = [];

    /// <summary>Older than this at the date of value is implausible (120: "plus de 120 ans").</summary>
    public int MaxAge { get; init; } = 120;

    public DateOnly Start { get; init; } = new(2015, 1, 1);

    public ImmutableArray<string> TestStatuses { get; init; } = ["test", "demo", "investigation"];

    public DateOnly TestBirthDate { get; init; } = new(2012, 12, 12);

    public double TestRent { get; init; } = 123;

    public string TestPostalCode { get; init; } = "12345";

    /// <summary>Uninhabited villages of the Meuse (codes-postaux "notable subset"), all with postal code 55100.</summary>
    public ImmutableArray<string> TestCommunes { get; init; } = ["55039", "55050", "55139", "55189", "55239", "55307"];

    public bool IsEnabled(string rule) => !Disabled.Contains(rule);

    public CleaningOptions Without(params string[] rules)
    {
        foreach (var rule in rules)
        {
            if (!CleaningRules.All.Contains(rule))
            {
                throw new ArgumentException($"unknown cleaning rule '{rule}' (rules: {string.Join(", ", CleaningRules.All)})", nameof(rules));
            }
        }

        return this with { Disabled = Disabled.Union(rules) };
    }
}
