using System.Diagnostics;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Cli;

/// <summary>The command line as a user runs it: exit codes, one-line reasons, where the outputs are.</summary>
public class CliTests
{
    private static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Paths.TempDirectory(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mesaides.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "mesaides did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Report_on_the_embedded_sample_says_where_the_report_is()
    {
        var directory = Paths.TempDirectory();

        var (code, output, error) = Run("report", "--out", directory, "--format", "csv,json");

        Assert.True(code == 0, error);
        Assert.Contains("embedded synthetic sample", output, StringComparison.Ordinal);
        Assert.Contains(directory, output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "tables", "audit.csv")));
        Assert.False(File.Exists(Path.Combine(directory, "report.html")));
    }

    [Fact]
    public void A_missing_input_fails_with_its_name()
    {
        var (code, _, error) = Run("report", "--input", "/nonexistent/dump.bson");

        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/dump.bson", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void An_empty_input_fails_because_nothing_could_be_read()
    {
        var (code, _, error) = Run("export", "--input", Paths.Fixture("bad/empty.json"));

        Assert.Equal(1, code);
        Assert.Contains("no document", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_documents_do_not_stop_the_report_they_are_counted()
    {
        var directory = Paths.TempDirectory();

        var (code, output, error) = Run("report", "--input", Paths.Fixture("bad/not-json-line.jsonl"), "--out", directory, "--min-cell", "0", "--format", "csv");

        Assert.True(code == 0, error);
        Assert.Contains("rejected 1", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report", "--period", "week")]
    [InlineData("report", "--from", "2020-13-01")]
    [InlineData("report", "--lang", "de")]
    [InlineData("report", "--min-cell", "-1")]
    [InlineData("generate-sample", "--format", "xml")]
    public void Bad_options_fail_with_a_reason(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void A_period_with_no_data_fails()
    {
        var (code, _, error) = Run("report", "--from", "2030-01-01", "--to", "2030-01-31", "--out", Paths.TempDirectory());

        Assert.Equal(1, code);
        Assert.Contains("no situation in the period", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_the_four_tidy_tables_and_generate_sample_round_trips_through_them()
    {
        var directory = Paths.TempDirectory();
        var input = Path.Combine(directory, "s.bson");
        Assert.Equal(0, Run("generate-sample", "--count", "200", "--format", "bson", "--out", input).ExitCode);

        var (code, output, _) = Run("export", "--input", input, "--out", Path.Combine(directory, "tables"));

        Assert.Equal(0, code);
        Assert.Contains("wrote", output, StringComparison.Ordinal);
        foreach (var table in new[] { "situations", "individuals", "resources", "fiscal_resources" })
        {
            Assert.True(File.Exists(Path.Combine(directory, "tables", table + ".csv")), table);
        }
    }

    [Fact]
    public void An_unreachable_database_fails_with_a_redacted_connection_string()
    {
        var (code, _, error) = Run("report", "--input", "mongodb://reader:s3cret@127.0.0.1:1/dds?serverSelectionTimeoutMS=300&connectTimeoutMS=300", "--collection", "situations", "--out", Paths.TempDirectory());

        Assert.Equal(1, code);
        Assert.Contains("cannot reach", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error, StringComparison.Ordinal);
        Assert.DoesNotContain("reader", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pushdown_needs_a_database_input()
    {
        var (code, _, error) = Run("report", "--pushdown");

        Assert.Equal(2, code);
        Assert.Contains("mongodb://", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The options are a contract with other tools: each verb's help is approved against a committed snapshot.
    /// After an intended change: <c>MESAIDES_APPROVE_HELP=1 dotnet test --filter Help_</c>, then commit.
    /// </summary>
    [Theory]
    [InlineData("report")]
    [InlineData("export")]
    [InlineData("generate-sample")]
    public void Help_of_each_verb_is_the_approved_one(string verb)
    {
        var snapshot = Path.Combine(Paths.RepoRoot, "tests", "MesAides.Analytics.Tests", "Cli", "Help", verb + ".txt");
        var (code, output, _) = Run(verb, "--help");
        var help = string.Join("\n", output.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("MESAIDES_APPROVE_HELP") == "1")
        {
            File.WriteAllText(snapshot, help);
        }

        Assert.Equal(0, code);
        Assert.True(File.Exists(snapshot), $"{snapshot} is missing: run with MESAIDES_APPROVE_HELP=1");
        Assert.Equal(File.ReadAllText(snapshot), help);
    }
}
