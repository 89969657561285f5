using System.Diagnostics;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Reference;

namespace MesAides.Analytics.Benchmarks;

/// <summary>
/// Where the time of a report goes, on a real file, one worker: each line adds one stage to the
/// previous one (load = split + parse + map; then clean; then enrich + every analysis of the study).
/// </summary>
public static class Stages
{
    public static string Run(string path, int workers)
    {
        var options = new LoadOptions(workers);
        var lines = new List<string>();
        var geography = Geography.Default;
        _ = Cleaner.Default;

        lines.Add(Measure("parse-only", () => ParseOnly.Run(path)));
        lines.Add(Measure("load", () =>
        {
            var source = SituationSource.Open(path, options);
            long n = 0;
            foreach (var situation in source.Stream(source.NewAudit()))
            {
                n += situation.Individuals.Length;
            }

            return $"individuals={n}";
        }));
        lines.Add(Measure("load+clean", () =>
        {
            var source = SituationSource.Open(path, options);
            var load = source.NewAudit();
            var run = Cleaner.Default.Start(load);
            long kept = 0;
            foreach (var situation in source.Stream(load))
            {
                kept += run.Keep(situation) ? 1 : 0;
            }

            return $"kept={kept}";
        }));
        lines.Add(Measure("load+clean+study", () =>
        {
            var source = SituationSource.Open(path, options);
            var load = source.NewAudit();
            var run = Cleaner.Default.Start(load);
            var enricher = new Enricher(geography);
            var study = new Study(geography);
            foreach (var situation in source.Stream(load))
            {
                if (run.Keep(situation))
                {
                    study.Add(enricher.Enrich(situation));
                }
            }

            return $"situations={study.Result().Situations}";
        }));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Measure(string stage, Func<string> run)
    {
        var line = MeasureBest(stage, run);
        Console.Error.WriteLine(line);
        return line;
    }

    private static string MeasureBest(string stage, Func<string> run)
    {
        // The best of three runs: the machine is shared, the minimum is the least disturbed.
        var best = (Wall: double.MaxValue, Cpu: double.MaxValue, Pause: 0.0, Gen0: 0, Gen1: 0, Gen2: 0, Allocated: 0L);
        var outcome = string.Empty;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var pause = GC.GetTotalPauseDuration();
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            outcome = run();
            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var used = (process.TotalProcessorTime - cpu).TotalSeconds;
            if (used < best.Cpu)
            {
                best = (wall, used, (GC.GetTotalPauseDuration() - pause).TotalSeconds, GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2,
                    GC.GetTotalAllocatedBytes(precise: true) - allocated);
            }
        }

        return $"{stage,-18} wall {best.Wall,6:F2} s  cpu {best.Cpu,6:F2} s  allocated {best.Allocated / 1048576.0,7:F0} MB  gc pause {best.Pause,5:F2} s ({best.Gen0}/{best.Gen1}/{best.Gen2})  {outcome}";
    }
}
