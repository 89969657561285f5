using System.Collections.Concurrent;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Loading;

namespace MesAides.Analytics.Notebooks.Tests.TestSupport;

/// <summary>
/// Runs each notebook once per test session and shares the run between the tests that check it.
/// With <c>MESAIDES_WRITE_NOTEBOOK_OUTPUTS=1</c> (scripts/regenerate-notebooks.sh), a notebook that ran
/// without error is saved back with its outputs.
/// </summary>
public sealed class NotebookRuns
{
    public const string WriteOutputsVariable = "MESAIDES_WRITE_NOTEBOOK_OUTPUTS";

    /// <summary>The file every notebook references in its first cell (relative to <c>notebooks/</c>).</summary>
    public const string LibraryReference = "../src/MesAides.Analytics/bin/Debug/net10.0/MesAides.Analytics.dll";

    private readonly ConcurrentDictionary<string, Lazy<Task<NotebookRun>>> _runs = new(StringComparer.Ordinal);
    private readonly Lazy<LoadResult> _sample = new(() => SituationSource.Sample().Load());
    private readonly Lazy<CleanResult> _cleanSample;

    public NotebookRuns() => _cleanSample = new(() => Cleaner.Default.Apply(Sample));

    public static bool WriteOutputs => Environment.GetEnvironmentVariable(WriteOutputsVariable) == "1";

    /// <summary>The notebooks in <c>notebooks/</c>, by file name.</summary>
    public static IReadOnlyList<string> All =>
        [.. Directory.EnumerateFiles(Paths.Notebooks, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>The embedded sample, loaded by the test itself: what the notebooks' outputs must agree with.</summary>
    public LoadResult Sample => _sample.Value;

    public CleanResult CleanSample => _cleanSample.Value;

    public Task<NotebookRun> Get(string notebook) =>
        _runs.GetOrAdd(notebook, name => new Lazy<Task<NotebookRun>>(() => Run(name))).Value;

    private static async Task<NotebookRun> Run(string notebook)
    {
        var library = Path.GetFullPath(Path.Combine(Paths.Notebooks, LibraryReference));
        if (!File.Exists(library))
        {
            throw new InvalidOperationException($"{library} is missing: notebooks reference the Debug build of the library (dotnet build src/MesAides.Analytics).");
        }

        var path = Path.Combine(Paths.Notebooks, notebook);
        var run = await NotebookRunner.RunAsync(path);
        if (WriteOutputs && run.Succeeded)
        {
            await NotebookRunner.WriteAsync(run, path);
        }

        return run;
    }
}
