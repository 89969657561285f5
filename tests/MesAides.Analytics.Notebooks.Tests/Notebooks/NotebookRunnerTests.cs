using System.Text.Json;
using MesAides.Analytics.Notebooks.Tests.TestSupport;

namespace MesAides.Analytics.Notebooks.Tests.Notebooks;

/// <summary>The runner on small made-up notebooks: failures name the cell, outputs round-trip.</summary>
[Collection(NotebookGroup.Name)]
public sealed class NotebookRunnerTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("notebook-runner-");

    public void Dispose() => _directory.Delete(recursive: true);

    /// <summary>A notebook with a markdown cell (index 0) and the given C# cells (indexes 1, 2…).</summary>
    private string Notebook(string name, params string[] code)
    {
        var cells = new List<object> { new { cell_type = "markdown", id = "cell-0", metadata = new { }, source = new[] { "# test" } } };
        cells.AddRange(code.Select((source, i) => (object)new
        {
            cell_type = "code",
            execution_count = (int?)null,
            id = $"cell-{i + 1}",
            metadata = new { dotnet_interactive = new { language = "csharp" }, polyglot_notebook = new { kernelName = "csharp" } },
            outputs = Array.Empty<object>(),
            source = new[] { source },
        }));
        var notebook = new
        {
            cells,
            metadata = new
            {
                kernelspec = new { display_name = ".NET (C#)", language = "C#", name = ".net-csharp" },
                language_info = new { name = "polyglot-notebook" },
            },
            nbformat = 4,
            nbformat_minor = 5,
        };
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, JsonSerializer.Serialize(notebook));
        return path;
    }

    [Fact]
    public async Task A_throwing_cell_fails_the_run_naming_the_notebook_and_cell_and_later_cells_do_not_run()
    {
        var path = Notebook("throws.ipynb", "Console.WriteLine(\"before\");", "throw new InvalidOperationException(\"boom\");", "Console.WriteLine(\"never\");");

        var run = await NotebookRunner.RunAsync(path);

        var error = Assert.Single(run.Errors);
        Assert.Equal(2, error.CellIndex);
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("throws.ipynb cell 2: ", run.ToString(), StringComparison.Ordinal);
        Assert.Contains("before", run.OutputText(1), StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: boom", run.OutputText(2), StringComparison.Ordinal);
        Assert.Empty(run.Document.Elements[3].Outputs);
    }

    [Fact]
    public async Task A_compile_error_fails_the_run()
    {
        var run = await NotebookRunner.RunAsync(Notebook("error.ipynb", "int x = \"text\";"));

        Assert.False(run.Succeeded);
        Assert.Equal(1, run.Errors[0].CellIndex);
        Assert.Contains("CS0029", run.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compiler_warning_fails_the_run()
    {
        var run = await NotebookRunner.RunAsync(Notebook("warning.ipynb", "var ok = 1;", "var s = (string?)null;"));

        var error = Assert.Single(run.Errors);
        Assert.Equal(2, error.CellIndex);
        Assert.Contains("CS8632", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outputs_are_written_back_and_the_same_run_writes_the_same_file()
    {
        var path = Notebook("outputs.ipynb", "Console.WriteLine(\"printed\");", "display(\"shown\");", "40 + 2");

        var first = await NotebookRunner.RunAsync(path);
        await NotebookRunner.WriteAsync(first, path);
        var written = await File.ReadAllTextAsync(path);
        var second = await NotebookRunner.RunAsync(path);
        await NotebookRunner.WriteAsync(second, path);

        Assert.True(first.Succeeded, first.ToString());
        Assert.Contains("printed", first.OutputText(1), StringComparison.Ordinal);
        Assert.Contains("shown", first.OutputText(2), StringComparison.Ordinal);
        Assert.Contains("42", first.OutputText(3), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(written);
        var cells = json.RootElement.GetProperty("cells");
        Assert.Equal("stream", cells[1].GetProperty("outputs")[0].GetProperty("output_type").GetString());
        Assert.Equal("execute_result", cells[3].GetProperty("outputs")[0].GetProperty("output_type").GetString());
        Assert.Equal(3, cells[3].GetProperty("execution_count").GetInt32());
        Assert.Equal(written, await File.ReadAllTextAsync(path));
    }
}
