using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace MesAides.Analytics.Notebooks.Tests.TestSupport;

/// <summary>A cell that failed: its index among all the notebook's cells (markdown included), and why.</summary>
public sealed record CellError(int CellIndex, string Message);

/// <summary>What running a notebook gave: the document with its new outputs, the errors, the time taken.</summary>
public sealed record NotebookRun(string NotebookPath, InteractiveDocument Document, IReadOnlyList<CellError> Errors, TimeSpan Elapsed)
{
    public bool Succeeded => Errors.Count == 0;

    public string Name => Path.GetFileName(NotebookPath);

    /// <summary>The outputs of one cell as text: stdout/stderr text and every mime type's value.</summary>
    public string OutputText(int cellIndex) => string.Join("\n", Document.Elements[cellIndex].Outputs.SelectMany(Texts));

    /// <summary>The text/html values of all outputs, in cell order.</summary>
    public IEnumerable<string> Html() => Document.Elements
        .SelectMany(cell => cell.Outputs)
        .SelectMany(output => output switch
        {
            DisplayElement d => d.Data.Where(p => p.Key == HtmlFormatter.MimeType).Select(p => p.Value?.ToString() ?? string.Empty),
            ReturnValueElement r => r.Data.Where(p => p.Key == HtmlFormatter.MimeType).Select(p => p.Value?.ToString() ?? string.Empty),
            _ => [],
        });

    /// <summary>All outputs of all cells as one text, for "was this value shown" checks.</summary>
    public string AllOutputText() => string.Join("\n", Enumerable.Range(0, Document.Elements.Count).Select(OutputText));

    public override string ToString() => Succeeded
        ? $"{Name}: ok in {Elapsed.TotalSeconds:F1} s"
        : string.Join(Environment.NewLine, Errors.Select(e => $"{Name} cell {e.CellIndex}: {e.Message}"));

    private static IEnumerable<string> Texts(InteractiveDocumentOutputElement output) => output switch
    {
        TextElement t => [t.Text],
        DisplayElement d => d.Data.Values.Select(v => v?.ToString() ?? string.Empty),
        ReturnValueElement r => r.Data.Values.Select(v => v?.ToString() ?? string.Empty),
        ErrorElement e => [e.ErrorName, e.ErrorValue, .. e.StackTrace],
        _ => [],
    };
}

/// <summary>
/// Runs the C# cells of an .ipynb in-process, in a fresh kernel, and keeps their outputs in the document
/// (<see cref="Notebook.ToJupyterJson"/> writes it back). Stops at the first failing cell, like nbconvert;
/// compiler warnings fail a cell too.
/// </summary>
/// <remarks>
/// Process-wide state, hence no two runs at once: relative <c>#r</c> paths resolve against the current
/// directory (set to the notebook's folder for the run), the formatter registry is global, and the culture
/// is invariant for the run so that outputs do not depend on the machine's locale.
/// </remarks>
public static class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private static readonly KernelInfoCollection KernelInfos = new() { new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp", "C#", ["c#", "cs"]) };

    public static async Task<NotebookRun> RunAsync(string notebookPath)
    {
        var fullPath = Path.GetFullPath(notebookPath);
        KernelInfos.DefaultKernelName = "csharp";
        var document = Notebook.Parse(await File.ReadAllTextAsync(fullPath), KernelInfos);

        await OneAtATime.WaitAsync();
        var previousDirectory = Directory.GetCurrentDirectory();
        var previousCulture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture);
        var stopwatch = Stopwatch.StartNew();
        var errors = new List<CellError>();
        try
        {
            Directory.SetCurrentDirectory(Path.GetDirectoryName(fullPath)!);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

            using var kernel = new CompositeKernel { new CSharpKernel().UseKernelHelpers().UseValueSharing() };
            kernel.DefaultKernelName = "csharp";

            // Outputs of an earlier run go, also from the cells after a failure, which will not run.
            foreach (var cell in document.Elements.Where(IsCode))
            {
                cell.Outputs.Clear();
                cell.ExecutionOrder = 0;
            }

            var executionCount = 0;
            for (var index = 0; index < document.Elements.Count && errors.Count == 0; index++)
            {
                var cell = document.Elements[index];
                if (!IsCode(cell))
                {
                    continue;
                }

                cell.ExecutionOrder = ++executionCount;
                var result = await kernel.SendAsync(new SubmitCode(cell.Contents, "csharp"));
                errors.AddRange(CollectOutputs(result, cell, executionCount).Select(message => new CellError(index, message)));
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture) = previousCulture;
            OneAtATime.Release();
        }

        return new NotebookRun(fullPath, document, errors, stopwatch.Elapsed);
    }

    /// <summary>Writes the notebook with its outputs (Jupyter JSON, LF line ends, final newline).</summary>
    public static async Task WriteAsync(NotebookRun run, string path)
    {
        var json = Notebook.ToJupyterJson(run.Document).ReplaceLineEndings("\n");
        await File.WriteAllTextAsync(path, json.EndsWith('\n') ? json : json + "\n");
    }

    private static List<string> CollectOutputs(KernelCommandResult result, InteractiveDocumentElement cell, int executionCount)
    {
        var errors = new List<string>();
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case ReturnValueProduced value:
                    var returned = new ReturnValueElement { ExecutionOrder = executionCount };
                    foreach (var formatted in Visible(value.FormattedValues))
                    {
                        returned.Data[formatted.MimeType] = formatted.Value;
                    }

                    if (returned.Data.Count > 0)
                    {
                        cell.Outputs.Add(returned);
                    }

                    break;
                case StandardOutputValueProduced stdout:
                    cell.Outputs.Add(new TextElement(PlainText(stdout.FormattedValues), "stdout"));
                    break;
                case StandardErrorValueProduced stderr:
                    cell.Outputs.Add(new TextElement(PlainText(stderr.FormattedValues), "stderr"));
                    break;
                case DiagnosticsProduced diagnostics:
                    // Warnings too: a notebook kernel prints them under the cell, where a reader takes them for a problem.
                    errors.AddRange(diagnostics.Diagnostics
                        .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
                        .Select(d => $"{d.Severity.ToString().ToLowerInvariant()} {d.Code} {d.LinePositionSpan}: {d.Message}"));
                    break;
                case ErrorProduced error:
                    errors.Add(error.Message);
                    break;
                case CommandFailed failed:
                    errors.Add(failed.Message);
                    var name = failed.Exception?.GetType().FullName ?? "Error";
                    var message = failed.Exception?.Message ?? failed.Message;
                    string[] stack = failed.Exception?.StackTrace?.Split(["\r\n", "\n"], StringSplitOptions.None) ?? [];

                    // ErrorElement(value, name, stack): value first. Jupyter shows only the traceback, so it starts with "Name: message".
                    cell.Outputs.Add(new ErrorElement(message, name, [$"{name}: {message}", .. stack]));
                    break;
                case DisplayEvent display: // DisplayedValueProduced, DisplayedValueUpdated; after the cases above, which derive from it too
                    var data = Visible(display.FormattedValues).ToDictionary(v => v.MimeType, v => (object)v.Value);
                    if (data.Count > 0)
                    {
                        cell.Outputs.Add(new DisplayElement(data));
                    }

                    break;
            }
        }

        return [.. errors.Distinct()];
    }

    /// <summary>C# cells; markdown and raw cells have other kernel names.</summary>
    private static bool IsCode(InteractiveDocumentElement cell) => cell.KernelName is "csharp" or "c#" or "C#";

    private static IEnumerable<FormattedValue> Visible(IEnumerable<FormattedValue> values) => values.Where(v => !v.SuppressDisplay);

    private static string PlainText(IEnumerable<FormattedValue> values) =>
        values.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? values.FirstOrDefault()?.Value ?? string.Empty;
}
