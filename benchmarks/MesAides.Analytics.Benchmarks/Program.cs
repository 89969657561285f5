using BenchmarkDotNet.Running;

namespace MesAides.Analytics.Benchmarks;

/// <summary>
/// <c>micro [BenchmarkDotNet args]</c>: per-stage micro-benchmarks; <c>parse-only FILE</c>: the bare
/// decompress + parse loop (the parse limit); <c>duckdb FILE OUTDIR</c>: the DuckDB peer.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: mesaides-bench micro [--filter *] | parse-only FILE | duckdb FILE OUTDIR [REFERENCE_DIR]");
            return 2;
        }

        switch (args[0])
        {
            case "micro":
                // Short runs in this process unless told otherwise: comparisons between changes, not a lab measurement.
                string[] options = args.Contains("--job") ? args[1..] : [.. args[1..], "--job", "short", "--inProcess"];
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(options);
                return 0;
            case "parse-only" when args.Length == 2:
                Console.WriteLine(ParseOnly.Run(args[1]));
                return 0;
            case "cold-report" when args.Length == 3:
                Console.WriteLine(ColdReport.Run(args[1], args[2]));
                return 0;
            case "stages" when args.Length is 2 or 3:
                Console.WriteLine(Stages.Run(args[1], args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1));
                return 0;
            case "duckdb" when args.Length is 3 or 4:
                Console.WriteLine(args.Length == 4 ? DuckDbPeer.Run(args[1], args[2], args[3]) : DuckDbPeer.Run(args[1], args[2]));
                return 0;
            default:
                Console.Error.WriteLine($"unknown command: {string.Join(' ', args)}");
                return 2;
        }
    }
}
