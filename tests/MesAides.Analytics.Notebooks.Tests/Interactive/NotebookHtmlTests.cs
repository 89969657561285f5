using System.Text.RegularExpressions;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Interactive;
using MesAides.Analytics.Notebooks.Tests.TestSupport;
using Microsoft.Data.Analysis;

namespace MesAides.Analytics.Notebooks.Tests.Interactive;

public sealed class NotebookHtmlTests
{
    private const string Evil = "<script>alert('x')</script>";

    private static int BodyRows(string html) =>
        Regex.Matches(html, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Sum(m => Regex.Count(m.Groups[1].Value, "<tr>"));

    private static Table Communes(int rows) => new(
        "communes",
        [Column.Text("commune"), Column.Count("situations"), Column.Derived("share", "situations")],
        [.. Enumerable.Range(1, rows).Select(i => new object?[] { i == 1 ? Evil : $"Commune {i}", (long)i, i == 2 ? null : 1.0 / 3 })]);

    [Fact]
    public void A_commune_name_holding_a_script_is_shown_as_text()
    {
        var html = NotebookHtml.Table(Communes(3));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_table_shows_its_first_rows_and_says_how_many_it_has()
    {
        var html = NotebookHtml.Table(Communes(30), maxRows: 20);

        Assert.Equal(20, BodyRows(html));
        Assert.Contains("Commune 20<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Commune 21<", html, StringComparison.Ordinal);
        Assert.Contains("30 lignes — 20 premières affichées", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_table_shows_every_row_and_no_paging_note()
    {
        var html = NotebookHtml.Table(Communes(3), maxRows: 20);

        Assert.Equal(3, BodyRows(html));
        Assert.Contains("3 lignes</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("premières affichées", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_cells_are_invariant_with_missing_values_empty_and_shares_rounded_for_reading()
    {
        var html = NotebookHtml.Table(Communes(2));

        // Row 1: 1/3 to 6 decimals; row 2: a missing share is an empty cell.
        Assert.Contains("<td class=\"n\">1</td><td class=\"n\">0.333333</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Commune 2</td><td class=\"n\">2</td><td class=\"n\"></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_shows_all_its_tables()
    {
        var housing = Housing.Analyse([Build.Situation("a"), Build.Situation("b")]);

        var html = NotebookHtml.Tabular(housing);

        Assert.Contains("<b>housing</b>", html, StringComparison.Ordinal);
        Assert.Contains("<b>housing_detail</b>", html, StringComparison.Ordinal);
        Assert.Contains("<td>locataire_vide</td><td class=\"n\">2</td><td class=\"n\">1</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dataframe_shows_its_first_rows_escaped_and_its_size()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("<commune>", Enumerable.Range(0, 25).Select(i => i == 0 ? Evil : $"c{i}")),
            new PrimitiveDataFrameColumn<long>("situations", Enumerable.Range(0, 25).Select(i => (long)i)));

        var html = NotebookHtml.DataFrame(frame, maxRows: 5);

        Assert.Equal(5, BodyRows(html));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<th>&lt;commune&gt;</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>c4</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>c5</td>", html, StringComparison.Ordinal);
        Assert.Contains("25 lignes × 2 colonnes — 5 premières affichées", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cleaning_audit_shows_every_step_and_its_reconciliation()
    {
        // 3 read: 1 rejected, 1 removed by the status rule, 1 kept.
        var load = Build.Load([Build.Situation("a"), Build.Situation("b", status: "test")], [Build.Rejection(3, "not a number")]);
        var audit = Cleaner.Default.Apply(load).Audit;

        var html = NotebookHtml.CleaningAudit(audit);

        Assert.Equal(audit.Steps.Count, BodyRows(html));
        Assert.Contains("<td>read</td><td class=\"n\">3</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>rejected:wrong-type</td><td class=\"n\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>status</td><td class=\"n\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>kept</td><td class=\"n\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains(NotebookHtml.Encode(audit.ToString()) + " ✓", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_rule_says_so_in_the_audit()
    {
        var load = Build.Load([Build.Situation("a", status: "test")]);
        var audit = new Cleaner(CleaningOptions.Default.Without(CleaningRules.Status)).Apply(load).Audit;

        var html = NotebookHtml.CleaningAudit(audit);

        Assert.Contains("<td>status</td><td class=\"n\">0</td><td>règle désactivée</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>kept</td><td class=\"n\">1</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_load_audit_shows_counts_by_format_and_reason_and_the_first_rejections_escaped()
    {
        var rejections = Enumerable.Range(1, 12).Select(i => Build.Rejection(i, i == 1 ? "value " + Evil : $"bad value {i}")).ToList();
        var load = Build.Load([Build.Situation("a"), Build.Situation("b")], rejections);

        var html = NotebookHtml.LoadAudit(load.Audit, maxRejections: 10);

        Assert.Contains("<td>lus</td><td class=\"n\">14</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>… au format B</td><td class=\"n\">2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>… wrong-type</td><td class=\"n\">12</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>export.jsonl, line 10</td><td>wrong-type</td><td>loyer</td><td>bad value 10</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("line 11<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("12 rejets — 10 premières affichées", html, StringComparison.Ordinal);
    }
}
