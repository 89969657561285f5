using System.Text.RegularExpressions;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Reports;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Reports;

public partial class HtmlReportTests
{
    private static string Render(ReportOptions? options = null, SituationSource? source = null, Geography? geography = null)
    {
        var result = new ReportRunner(geography).Run(source ?? SituationSource.Sample(), options ?? new ReportOptions());
        return HtmlReport.Render(result, new Suppression(result.Options.MinCell));
    }

    private static readonly Lazy<string> Sample = new(() => Render());

    [Fact]
    public void The_first_line_says_the_data_is_the_synthetic_sample()
    {
        var body = Sample.Value[(Sample.Value.IndexOf("<body>", StringComparison.Ordinal) + 6)..].TrimStart();

        Assert.StartsWith("<p class=\"warning\" id=\"data-notice\">", body, StringComparison.Ordinal);
        Assert.Contains("synthétique", body[..200], StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_loaded_from_the_network()
    {
        var html = Sample.Value;

        Assert.DoesNotMatch(ScriptOrStylesheetFromNetwork(), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Regex.Count(html, "Plotly.register\\(", RegexOptions.None, TimeSpan.FromSeconds(5)));
        Assert.True(Regex.Count(html, "Plotly\\.newPlot\\(", RegexOptions.None, TimeSpan.FromSeconds(5)) >= 5);
    }

    [Theory]
    [InlineData("headlines")]
    [InlineData("audit")]
    [InlineData("geography")]
    [InlineData("housing")]
    [InlineData("resources")]
    [InlineData("income")]
    [InlineData("ages")]
    [InlineData("time")]
    [InlineData("question-order")]
    [InlineData("quality")]
    [InlineData("method")]
    [InlineData("sources")]
    public void Every_section_is_there(string id) => Assert.Contains($"<section id=\"{id}\">", Sample.Value, StringComparison.Ordinal);

    [Fact]
    public void Names_from_data_are_escaped()
    {
        const string Evil = "<script>alert(1)</script>";
        var communes = new[]
        {
            new Commune("99001", Evil, "99", "99", 50_000, ["99100"]),
        };
        var geography = Geography.Create(communes, [], new Dictionary<string, string> { ["99"] = Evil }, new Dictionary<string, string> { ["99"] = "Région" });
        var line = """{"_id":"x1","dateDeValeur":"2016-03-01T10:00:00Z","logement":{"type":"locataire","loyer":400,"adresse":{"codePostal":"<script>alert(2)</script>","codeInsee":"99001","nomCommune":"<script>alert(3)</script>"}},"individus":[{"role":"demandeur","dateDeNaissance":"1980-01-01"}]}""";
        var path = Path.Combine(Paths.TempDirectory(), "evil.jsonl");
        File.WriteAllLines(path, Enumerable.Range(1, 15).Select(i => line.Replace("\"x1\"", $"\"x{i}\"", StringComparison.Ordinal)));

        var html = Render(new ReportOptions { MinCell = 0 }, SituationSource.Open(path), geography);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_that_would_reveal_a_suppressed_count_are_not_published()
    {
        var path = Samples.Write(Samples.Documents(80), MesAides.Analytics.Sample.SampleFormat.Jsonl);

        var open = Render(new ReportOptions { MinCell = 0 }, SituationSource.Open(path));
        var secret = Render(new ReportOptions { MinCell = 11 }, SituationSource.Open(path));

        int Charts(string html) => Regex.Count(html, "Plotly\\.newPlot\\(", RegexOptions.None, TimeSpan.FromSeconds(5));
        Assert.True(Charts(secret) < Charts(open), $"{Charts(secret)} charts with suppression, {Charts(open)} without");
        Assert.Contains("est pas publié", secret, StringComparison.Ordinal);
        Assert.DoesNotContain("est pas publié", open, StringComparison.Ordinal);
    }

    [GeneratedRegex("<(script|link)[^>]+(src|href)\\s*=\\s*[\"']?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStylesheetFromNetwork();
}
