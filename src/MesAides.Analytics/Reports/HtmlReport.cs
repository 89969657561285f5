using System.Globalization;
using System.Text;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Charts;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Reference;
using Plotly.NET;

namespace MesAides.Analytics.Reports;

/// <summary>
/// One self-contained offline page: plotly.js inlined once, no external font, script or stylesheet;
/// every text that comes from data is HTML-escaped, every published count goes through suppression.
/// </summary>
public static class HtmlReport
{
    private const int MaxRows = 20;

    public static string Render(ReportResult result, Suppression suppression)
    {
        var text = new ReportText(result.Options.Language);
        var page = new Page(suppression, text);
        page.Header(result);
        page.Headlines(result);
        Sections(page, result, text);
        return page.Finish();
    }

    private static void Sections(Page page, ReportResult result, ReportText text)
    {
        var current = result.Current;
        page.Section("audit", text.Audit, text.AuditIntro);
        page.Chart(AuditCharts.Removed(result.Audit));
        page.Table(result.AuditTable, suppress: false);

        page.Section("geography", text.Geography, text.GeographyIntro);
        var minCell = page.MinCell;
        page.Chart(GeographyCharts.DepartementMap(current.Geography, minCount: minCell));
        page.Chart(GeographyCharts.TopCommunes(current.Geography, minCount: minCell));
        page.Chart(GeographyCharts.TopCommunes(current.Geography, perInhabitant: true, minCount: minCell));
        page.Table(current.Geography.CommuneTable);
        page.Table(current.Geography.DepartementTable);
        page.Table(current.Geography.ResolutionTable);
        if (current.IncomeCorrelation is { } correlation)
        {
            page.Subsection(text.Correlation);
            page.Chart(CorrelationCharts.Scatter(correlation, minCount: minCell));
            page.Chart(CorrelationCharts.Coefficients(correlation));
            page.Table(correlation.CorrelationTable);
        }
        else
        {
            page.Note(text.NotComputed(text.CorrelationMissing));
        }

        page.Section("housing", text.Housing, null);
        page.ChartIf(current.Housing.ByCategory.Values, () => HousingCharts.Donut(current.Housing));
        page.ChartIf(current.Housing.ByCategory.Values, () => HousingCharts.VersusCensus(current.Housing, Census.Housing2012));
        page.ChartIf(current.Housing.ByDetail.Select(d => d.Situations), () => HousingCharts.Details(current.Housing));
        page.Table(current.Housing.Categories);
        page.Table(current.Housing.Details);
        page.Chart(RentCharts.Distribution(current.Rent));
        page.ChartIf(current.Rent.Departements.Take(20).Select(d => d.Situations), () => RentCharts.ByDepartement(current.Rent));
        page.Table(current.Rent.Summary);

        page.Section("resources", text.Resources, text.ResourcesIntro);
        page.ChartIf(current.Resources.Top().Select(t => t.Individuals), () => ResourceCharts.Top(current.Resources));
        page.ChartIf(current.Resources.WithoutTopTwo().Select(t => t.Individuals), () => ResourceCharts.WithoutTopTwo(current.Resources));
        page.Table(current.Resources.TypeTable);
        page.Table(current.Resources.SummaryTable);

        page.Section("income", text.Income, text.IncomeIntro);
        page.ChartIf(current.Income.Bins.Select(b => b.Situations), () => IncomeCharts.Histogram(current.Income));
        page.Chart(IncomeCharts.Density(current.Income));
        page.Table(current.Income.Histogram);
        page.Table(current.Income.Summary);

        page.Section("ages", text.Ages, null);
        page.ChartIf(current.Ages.Ages.Select(a => a.Individuals), () => AgeCharts.Bands(current.Ages));
        page.ChartIf(current.Ages.Children.Select(c => c.Situations), () => AgeCharts.Children(current.Ages));
        page.Table(current.Ages.HouseholdTable);
        page.Table(current.Ages.CoupleTable);

        // A chart is published only when none of its counts would be suppressed in its table.
        page.Section("time", text.Time, null);
        var time = current.Time;
        var daily = page.Publishable(time.Daily.Select(d => d.Situations));
        if (daily)
        {
            page.Chart(TimeCharts.Daily(time));
        }
        else if (page.Publishable(time.Weekly.Select(w => w.Situations)))
        {
            page.Chart(TimeCharts.Weekly(time));
        }

        if (page.Publishable(time.Monthly.Select(m => m.Situations)))
        {
            page.Chart(TimeCharts.Monthly(time));
        }

        if (page.Publishable(time.WeekdayHour))
        {
            page.Chart(TimeCharts.WeekdayHour(time));
        }

        if (!daily || !page.Publishable(time.WeekdayHour))
        {
            page.Note(text.TooSmallForChart(page.MinCell));
        }

        page.Table(time.MonthlyTable);
        if (current.Visits is { } visits)
        {
            page.Subsection(text.Visits);
            if (page.Publishable(visits.Days.Select(d => d.Situations)))
            {
                page.Chart(TimeCharts.WithVisits(visits));
            }

            page.Table(visits.SummaryTable);
        }
        else
        {
            page.Note(text.NotComputed(text.VisitsMissing));
        }

        page.Section("question-order", text.QuestionOrder, text.QuestionOrderIntro);
        page.Chart(QuestionOrderCharts.Positions(current.QuestionOrder));
        page.Table(current.QuestionOrder.PositionTable);
        page.Table(current.QuestionOrder.OptionTable);

        page.Section("quality", text.Quality, null);
        page.Chart(QualityCharts.Missing(current.Quality));
        page.Table(current.Quality.Table);

        Method(page, result, text);
        SourcesAndLicences(page, text);
    }

    private static void Method(Page page, ReportResult result, ReportText text)
    {
        page.Section("method", text.Method, null);
        var rules = string.Concat(CleaningRules.All.Select(r =>
            $"<li><code>{Html(r)}</code> : {Html(CleaningRules.Describe(r))}{(result.Options.Cleaning.IsEnabled(r) ? string.Empty : " (désactivée)")}</li>"));
        page.Raw($"""
            <p>Population : les situations conservées après nettoyage dont la date de valeur (jour calendaire à Paris) est dans la période.
            Les règles de nettoyage s'appliquent dans cet ordre ; une situation est comptée une fois, sous la première règle qu'elle enfreint :</p>
            <ol>{rules}</ol>
            <p>Mois M : le mois (à Paris) de la date de valeur. « 12 derniers mois » : M-12 à M-1 (les documents OpenFisca recopient M, qui est exclu).
            Les montants fiscaux annuels (N-2) sont exclus des revenus. Revenu du foyer : somme des montants mensuels de tous ses membres sur les 12 derniers mois.</p>
            <p>Communes : code INSEE déclaré (anciens codes et arrondissements ramenés à la commune d'aujourd'hui), sinon code postal.
            Taux : situations pour 10 000 habitants (population des communes du référentiel).</p>
            <p>{Html(page.SuppressionNote)}</p>
            """);
    }

    private static void SourcesAndLicences(Page page, ReportText text)
    {
        page.Section("sources", text.Sources, null);
        page.Raw($"""
            <ul>
            <li>Communes, départements, régions, populations : <code>@etalab/decoupage-administratif</code> 6.0.0 (licence MIT).</li>
            <li>Codes postaux : <code>codes-postaux</code> 4.1.2 (licence MIT).</li>
            <li>Contours des départements : {Html(DepartementOutlines.Default.Attribution)}</li>
            <li>Statut d'occupation des résidences principales : INSEE, recensement 2012 (France métropolitaine).</li>
            <li>SMIC net : séries officielles (voir <code>data/reference/README.md</code>).</li>
            <li>Revenu médian par commune : INSEE Filosofi, fourni par l'utilisateur (non redistribué).</li>
            <li>Graphiques : plotly.js 2.28.0 (licence MIT), intégré au fichier.</li>
            </ul>
            """);
    }

    internal static string Html(string? text) => ChartHtml.Encode(text);

    /// <summary>Builds the page; sections, charts and tables are appended in reading order.</summary>
    private sealed class Page(Suppression suppression, ReportText text)
    {
        private readonly StringBuilder _body = new();
        private int _charts;
        private bool _open;

        public int MinCell => suppression.MinCell;

        public bool Publishable(IEnumerable<long> counts) => !counts.Any(c => suppression.Hides(c));

        /// <summary>Draws a chart of category counts only when none of them is suppressed in its table; says so otherwise.</summary>
        public void ChartIf(IEnumerable<long> counts, Func<GenericChart> chart)
        {
            if (Publishable(counts))
            {
                Chart(chart());
            }
            else
            {
                Note(text.TooSmallForChart(MinCell));
            }
        }

        public string SuppressionNote => suppression.IsOn ? text.Suppressed(suppression.MinCell) : text.NoSuppression;

        public void Header(ReportResult result)
        {
            if (result.IsSample)
            {
                _body.Append("<p class=\"warning\" id=\"data-notice\">").Append(Html(text.SampleWarning)).Append("</p>\n");
            }

            _body.Append("<h1>").Append(Html(text.Title)).Append("</h1>\n<p class=\"meta\">")
                .Append(Html(text.Source)).Append(" : ").Append(Html(result.Source)).Append("<br>")
                .Append(Html(text.Period)).Append(" : ").Append(Html(result.Period.ToString()));
            if (result.FirstDate is { } first && result.LastDate is { } last)
            {
                _body.Append(Html($" (données du {first:yyyy-MM-dd} au {last:yyyy-MM-dd})"));
            }

            if (result.ComparedPeriod is { } compared)
            {
                _body.Append(", ").Append(Html(text.ComparedWith)).Append(' ').Append(Html(compared.ToString()));
            }

            _body.Append("</p>\n<p class=\"meta\">").Append(Html(SuppressionNote)).Append("</p>\n");
        }

        public void Headlines(ReportResult result)
        {
            Section("headlines", text.Headlines, null);
            _body.Append("<div class=\"cards\">\n");
            foreach (var h in result.Headlines)
            {
                _body.Append("<div class=\"card\"><div class=\"label\">").Append(Html(h.Label)).Append("</div><div class=\"value\">")
                    .Append(Html(Figure(h.Value, h.Kind))).Append("</div>");
                if (h.Compared is not null)
                {
                    var change = h.Change is { } c && !Hidden(h.Value, h.Kind) && !Hidden(h.Compared, h.Kind)
                        ? (h.IsShare ? (c * 100).ToString("+0.0;-0.0;0.0", Theme.French) + " pt" : c.ToString("+0.0%;-0.0%;0.0%", Theme.French))
                        : "–";
                    _body.Append("<div class=\"change\">").Append(Html($"{text.Change} : {change} ({Figure(h.Compared, h.Kind)})")).Append("</div>");
                }

                _body.Append("</div>\n");
            }

            _body.Append("</div>\n");
        }

        private bool Hidden(double? value, HeadlineKind kind) => kind == HeadlineKind.Count && value is { } v && suppression.Hides((long)v);

        private string Figure(double? value, HeadlineKind kind) => value switch
        {
            null => "–",
            { } v when kind == HeadlineKind.Share => v.ToString("P1", Theme.French),
            { } v when Hidden(v, kind) => suppression.Label,
            { } v => v.ToString("N0", Theme.French),
        };

        public void Section(string id, string title, string? intro)
        {
            Close();
            _body.Append("<section id=\"").Append(Html(id)).Append("\">\n<h2>").Append(Html(title)).Append("</h2>\n");
            if (intro is not null)
            {
                _body.Append("<p>").Append(Html(intro)).Append("</p>\n");
            }

            _open = true;
        }

        public void Subsection(string title) => _body.Append("<h3>").Append(Html(title)).Append("</h3>\n");

        public void Chart(GenericChart chart) => _body.Append(ChartHtml.Fragment(chart, $"chart-{++_charts}"));

        public void Raw(string html) => _body.Append(html).Append('\n');

        public void Note(string note) => _body.Append("<p class=\"note\">").Append(Html(note)).Append("</p>\n");

        public void Table(Table table, bool suppress = true)
        {
            var shown = suppress ? suppression.Apply(table) : table;
            _body.Append("<table data-table=\"").Append(Html(table.Name)).Append("\">\n<thead><tr>");
            foreach (var column in table.Columns)
            {
                _body.Append("<th>").Append(Html(column.Name)).Append("</th>");
            }

            _body.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in shown.Rows.Take(MaxRows))
            {
                _body.Append("<tr>");
                for (var c = 0; c < row.Length; c++)
                {
                    var numeric = table.Columns[c].Kind != ColumnKind.Text;
                    _body.Append(numeric ? "<td class=\"n\">" : "<td>").Append(Html(Cell(row[c], table.Columns[c]))).Append("</td>");
                }

                _body.Append("</tr>\n");
            }

            _body.Append("</tbody>\n</table>\n");
            if (shown.Rows.Count > MaxRows)
            {
                Note(text.FullTable(table.Name, MaxRows, shown.Rows.Count));
            }
        }

        private string Cell(object? value, Column column) => value switch
        {
            Suppression.Hidden => suppression.Label,
            null => string.Empty,
            double d when column.Kind == ColumnKind.Derived && (column.Name.Contains("share", StringComparison.Ordinal) || column.Name == "ratio") => d.ToString("P1", Theme.French),
            double d => d.ToString("#,##0.##", Theme.French),
            long or int => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("N0", Theme.French),
            _ => Analyses.Table.Format(value) ?? string.Empty,
        };

        private void Close()
        {
            if (_open)
            {
                _body.Append("</section>\n");
                _open = false;
            }
        }

        public string Finish()
        {
            Close();
            return new StringBuilder()
                .Append("<!DOCTYPE html>\n<html lang=\"").Append(text.Lang).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(Html(text.Title)).Append("</title>\n")
                .Append("<style>\n").Append(Css).Append("</style>\n")
                .Append(ChartHtml.HeadScripts)
                .Append("</head>\n<body>\n")
                .Append(_body)
                .Append("<script>\nwindow.addEventListener('beforeprint', () => document.querySelectorAll('.js-plotly-plot').forEach(gd => Plotly.Plots.resize(gd)));\n")
                .Append("window.addEventListener('afterprint', () => document.querySelectorAll('.js-plotly-plot').forEach(gd => Plotly.Plots.resize(gd)));\n</script>\n")
                .Append("</body>\n</html>\n")
                .ToString();
        }
    }

    private const string Css = """
        body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; max-width: 1100px; margin: 1rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
        h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid #1f5f99; padding-bottom: 0.2rem; margin-top: 2.5rem; }
        .meta { color: #555; margin: 0.2rem 0; } .warning { background: #fff4e5; border-left: 4px solid #e07b39; padding: 0.5rem 0.8rem; font-weight: 600; }
        .cards { display: flex; flex-wrap: wrap; gap: 0.8rem; } .card { border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem 0.9rem; min-width: 180px; }
        .card .label { color: #555; font-size: 0.9rem; } .card .value { font-size: 1.6rem; font-weight: 600; } .card .change { color: #555; font-size: 0.85rem; }
        table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; } th, td { border-bottom: 1px solid #e5e5e5; padding: 0.25rem 0.6rem; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; } th { background: #f4f6f8; }
        .note { color: #555; font-size: 0.85rem; } .chart { width: 100%; } section { margin: 1.5rem 0; }
        @media print { body { max-width: none; } .modebar-container { display: none; } .chart, table { break-inside: avoid; } }
        """;
}
