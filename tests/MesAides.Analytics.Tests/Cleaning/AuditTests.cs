using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Sample;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Cleaning;

public class AuditTests
{
    [Fact]
    public void The_generated_sample_audit_reconciles_and_matches_what_the_generator_injected()
    {
        var generator = new SampleGenerator(new SampleOptions(4000, 11, TestShare: 0.08, BadShare: 0.01), Geography.Default);
        var path = Samples.Write(generator.Documents(), SampleFormat.Jsonl);
        var manifest = generator.Manifest;

        var clean = Cleaner.Default.Apply(SituationSource.Open(path).Load());
        var audit = clean.Audit;

        Assert.True(audit.Reconciles, audit.ToString());
        Assert.Equal(4000, audit.Load.Read);
        Assert.Equal(manifest.Injected.GetValueOrDefault("rejected:wrong-type"), audit.Load.Rejected);
        foreach (var rule in CleaningRules.All)
        {
            Assert.True(manifest.Injected.GetValueOrDefault(rule) == audit.RemovedBy(rule), $"{rule}: injected {manifest.Injected.GetValueOrDefault(rule)}, removed {audit.RemovedBy(rule)}");
            Assert.True(audit.RemovedBy(rule) > 0, $"the generator injected no {rule}");
        }

        Assert.Equal(manifest.Clean, audit.Kept);
        Assert.Equal(audit.Kept, clean.Situations.Count);
    }

    [Fact]
    public void Audit_steps_run_from_read_through_rejections_and_rules_to_kept()
    {
        var clean = Cleaner.Default.Apply(SituationSource.Open(Paths.Fixture("bad/wrong-types.jsonl")).Load());

        var steps = clean.Audit.Steps;

        Assert.Equal(["read", "rejected:wrong-type", .. CleaningRules.All, "kept"], steps.Select(s => s.Step));
        Assert.Equal(steps[0].Situations, steps.Skip(1).Sum(s => s.Situations));
    }
}
