using System.Diagnostics;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Reports;

namespace MesAides.Analytics.Benchmarks;

/// <summary>
/// What <c>mesaides report</c> does, in a fresh process, phase by phase: where a cold run's time goes
/// (reference data, the pass with its just-in-time compilation, writing the outputs).
/// </summary>
public static class ColdReport
{
    public static string Run(string path, string outDirectory)
    {
        var process = Process.GetCurrentProcess();
        var lines = new List<string>();
        var clock = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;

        void Phase(string name)
        {
            process.Refresh();
            var now = process.TotalProcessorTime;
            lines.Add($"{name,-22} wall {clock.Elapsed.TotalSeconds,6:F2} s  cpu {(now - cpu).TotalSeconds,6:F2} s");
            clock.Restart();
            cpu = now;
        }

        _ = Geography.Default;
        Phase("reference data");
        var options = new ReportOptions { WriteHtml = false, MinCell = 0 };
        var result = new ReportRunner().Run(SituationSource.Open(path), options);
        Phase("pass (load → study)");
        if (Environment.GetEnvironmentVariable("MESAIDES_BENCH_REPEAT") is "1")
        {
            // The same pass again in the same process: compiled code warm.
            result = new ReportRunner().Run(SituationSource.Open(path), options);
            Phase("pass again (warm)");
        }
        ReportFiles.Write(result, outDirectory);
        Phase("results + csv/json");
        return string.Join(Environment.NewLine, lines);
    }
}
