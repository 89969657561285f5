using MesAides.Analytics.Loading;

namespace MesAides.Analytics.Cleaning;

/// <summary>One row of the audit: a step (<c>read</c>, <c>rejected:&lt;reason&gt;</c>, a rule id, <c>kept</c>) and its situations.</summary>
public sealed record AuditStep(string Step, long Situations, string Description);

/// <summary>
/// Reconciles loading and cleaning: read = rejected (by reason) + removed (by rule) + kept.
/// Never suppressed in reports: it counts documents, not people.
/// </summary>
public sealed class CleaningAudit
{
    private readonly long[] _removed = new long[CleaningRules.All.Length];

    internal CleaningAudit(LoadAudit load, CleaningOptions options)
    {
        Load = load;
        Options = options;
    }

    public LoadAudit Load { get; }

    public CleaningOptions Options { get; }

    public long Kept { get; private set; }

    public long Removed => _removed.Sum();

    public long RemovedBy(string rule) => _removed[CleaningRules.All.IndexOf(rule)];

    public bool Reconciles => Load.Reconciles && Load.Read == Load.Rejected + Removed + Kept;

    internal void Count(string? rule)
    {
        if (rule is null)
        {
            Kept++;
        }
        else
        {
            _removed[CleaningRules.All.IndexOf(rule)]++;
        }
    }

    /// <summary>The audit table: read, each rejection reason, each rule (disabled ones say so), kept.</summary>
    public IReadOnlyList<AuditStep> Steps
    {
        get
        {
            var steps = new List<AuditStep> { new("read", Load.Read, "documents lus") };
            steps.AddRange(Load.RejectedByReason.Select(r => new AuditStep("rejected:" + r.Key, r.Value, "document illisible ou mal formé")));
            steps.AddRange(CleaningRules.All.Select(rule => new AuditStep(
                rule,
                RemovedBy(rule),
                Options.IsEnabled(rule) ? CleaningRules.Describe(rule) : "règle désactivée")));
            steps.Add(new AuditStep("kept", Kept, "situations conservées"));
            return steps;
        }
    }

    public override string ToString() =>
        $"read {Load.Read:N0} = rejected {Load.Rejected:N0} + removed {Removed:N0} + kept {Kept:N0}";
}
