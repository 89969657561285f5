using System.Globalization;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Loading;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Charts;

/// <summary>Charts of situations over time, and of the coherence check against visits.</summary>
public static class TimeCharts
{
    /// <summary>Situations per day, with the mean of the last 7 days (from the 7th day on) to read the trend through the weekly cycle.</summary>
    public static GenericChart Daily(TimeResult result)
    {
        var dates = result.Daily.Select(d => d.Date.ToDateTime(TimeOnly.MinValue)).ToArray();
        var counts = result.Daily.Select(d => (double)d.Situations).ToArray();
        var average = MovingAverage(counts, 7);
        return Theme.Apply(CS.Chart.Combine([
                CS.Chart.Line<DateTime, double, string>(dates, counts, Name: "Situations par jour", UseDefaults: false)
                    .WithTraces(t => t.Set("hovertemplate", "%{x|%A %d/%m/%Y} : %{y:,.0f} situations<extra></extra>").Set("line", new { width = 1, color = "#9ecae1" })),
                CS.Chart.Line<DateTime, double, string>(dates[Math.Min(6, dates.Length)..], average, Name: "Moyenne sur 7 jours", UseDefaults: false)
                    .WithTraces(t => t.Set("hovertemplate", "%{x|%d/%m/%Y} : %{y:,.1f} situations par jour (7 jours)<extra></extra>").Set("line", new { width = 2.5, color = Theme.Palette[0] })),
            ])
            .WithTitle("Situations simulées par jour")
            .WithLayout(l => l.Set("showlegend", true))
            .WithXAxis(a => a.Set("type", "date").Set("tickformat", "%b %Y"))
            .WithYAxis(a => a.Set("title", new { text = "Situations" }).Set("tickformat", ",.0f").Set("rangemode", "tozero")));
    }

    /// <summary>Situations per ISO week (Monday start).</summary>
    public static GenericChart Weekly(TimeResult result) => Columns(
        result.Weekly.Select(w => w.WeekStart.ToDateTime(TimeOnly.MinValue)).ToArray(),
        result.Weekly.Select(w => (double)w.Situations).ToArray(),
        "Situations simulées par semaine", "semaine du %{x|%d/%m/%Y} : %{y:,.0f} situations<extra></extra>", "%b %Y");

    /// <summary>Situations per calendar month.</summary>
    public static GenericChart Monthly(TimeResult result) => Columns(
        result.Monthly.Select(m => new DateTime(m.Month.Year, m.Month.Month, 1, 0, 0, 0, DateTimeKind.Unspecified)).ToArray(),
        result.Monthly.Select(m => (double)m.Situations).ToArray(),
        "Situations simulées par mois", "%{x|%B %Y} : %{y:,.0f} situations<extra></extra>", "%b %Y");

    /// <summary>When users simulate: weekday × hour (Paris time) heat map; situations without a known time are left out and counted in a note.</summary>
    public static GenericChart WeekdayHour(TimeResult result)
    {
        var hours = Enumerable.Range(0, 24).Select(h => string.Create(CultureInfo.InvariantCulture, $"{h} h")).ToArray();
        var z = Enumerable.Range(1, 7).Select(d => Enumerable.Range(0, 24).Select(h => (double)result.At(d, h)).ToArray()).ToArray();
        var chart = CS.Chart.Heatmap<double, string, string, string>(z, X: hours, Y: TimeUsage.FrenchWeekdays.ToArray(), ReverseYAxis: true,
                ColorScale: StyleParam.Colorscale.NewCustom([.. Theme.Sequential.Select(s => Tuple.Create(s.Stop, Color.fromString(s.Color)))]), UseDefaults: false)
            .WithTraces(t => t.Set("hovertemplate", "%{y} %{x} : %{z:,.0f} situations<extra></extra>").Set("xgap", 1).Set("ygap", 1))
            .WithTitle("Jour et heure des simulations (heure de Paris)")
            .WithXAxis(a => a.Set("title", new { text = "Heure" }).Set("ticks", string.Empty).Set("dtick", 2))
            .WithYAxis(a => a.Set("ticks", string.Empty));
        if (result.WithoutTime > 0)
        {
            chart = chart.WithNote(string.Create(Theme.French, $"{result.WithoutTime:N0} situations enregistrées sans heure (date seule, à minuit pile) ne sont pas comptées."));
        }

        return Theme.Apply(chart, height: 420);
    }

    /// <summary>The seed's coherence check: situations and visits per day (visits on a second axis), divergent days marked.</summary>
    public static GenericChart WithVisits(VisitsComparisonResult comparison)
    {
        var dates = comparison.Days.Select(d => d.Date.ToDateTime(TimeOnly.MinValue)).ToArray();
        var divergent = comparison.Days.Where(d => d.Diverges).ToArray();
        var visitsName = ChartText.Escape(VisitsLabel(comparison.ValueColumn));
        var traces = new List<GenericChart>
        {
            CS.Chart.Line<DateTime, double, string>(dates, comparison.Days.Select(d => (double)d.Situations).ToArray(), Name: "Situations", UseDefaults: false)
                .WithTraces(t => t.Set("hovertemplate", "%{x|%d/%m/%Y} : %{y:,.0f} situations<extra></extra>").Set("line", new { color = Theme.Palette[0], width = 1.5 })),
            CS.Chart.Line<DateTime, double, string>(dates, comparison.Days.Select(d => (double)d.Visits).ToArray(), Name: visitsName, UseDefaults: false)
                .WithTraces(t => t.Set("hovertemplate", "%{x|%d/%m/%Y} : %{y:,.0f} " + visitsName.ToLowerInvariant() + "<extra></extra>").Set("line", new { color = Theme.Palette[1], width = 1.5 }))
                .Pipe(Chart.withAxisAnchor(null, PlotlyInterop.Some(2))),
        };
        if (divergent.Length > 0)
        {
            traces.Add(CS.Chart.Point<DateTime, double, string>(
                    divergent.Select(d => d.Date.ToDateTime(TimeOnly.MinValue)).ToArray(),
                    divergent.Select(d => (double)d.Situations).ToArray(),
                    Name: "Jours divergents",
                    MultiText: divergent.Select(d => d.Ratio is { } r ? r.ToString("0.###", Theme.French) : "—").ToArray(),
                    UseDefaults: false)
                .WithTraces(t => t.Set("hovertemplate", "%{x|%d/%m/%Y} : %{y:,.0f} situations, %{text} par visite<extra>divergent</extra>")
                    .Set("marker", new { color = Theme.Palette[3], size = 9, symbol = "x" })));
        }

        var r = comparison.Correlation;
        var note = string.Create(Theme.French,
            $"{comparison.Days.Count:N0} jours communs ; corrélation de Pearson {Coefficient(r.Pearson)}, de Spearman {Coefficient(r.Spearman)}.<br>"
            + $"Jour divergent : |z| du log(situations / visites) > {comparison.Threshold:0.##}, ou une série nulle et pas l'autre.");
        return Theme.Apply(CS.Chart.Combine(traces)
            .WithTitle("Situations simulées et visites mesurées")
            .WithLayout(l => l.Set("showlegend", true))
            .WithXAxis(a => a.Set("type", "date").Set("tickformat", "%b %Y"))
            .WithYAxis(a => a.Set("title", new { text = "Situations" }).Set("tickformat", ",.0f").Set("rangemode", "tozero"))
            .WithYAxis(a => a.Set("title", new { text = visitsName }).Set("tickformat", ",.0f").Set("rangemode", "tozero")
                .Set("overlaying", "y").Set("side", "right").Set("showgrid", false), id: 2)
            .WithNote(note), height: 460);
    }

    /// <summary>Trailing mean over <paramref name="window"/> values; the first value is the mean of values 1…window.</summary>
    public static double[] MovingAverage(IReadOnlyList<double> values, int window)
    {
        if (values.Count < window)
        {
            return [];
        }

        var result = new double[values.Count - window + 1];
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[i];
            if (i >= window)
            {
                sum -= values[i - window];
            }

            if (i >= window - 1)
            {
                result[i - window + 1] = sum / window;
            }
        }

        return result;
    }

    private static GenericChart Columns(DateTime[] x, double[] y, string title, string hover, string tickFormat) =>
        Theme.Apply(CS.Chart.Column<double, DateTime, string>(y, Keys: x, Name: "Situations", UseDefaults: false)
            .WithTraces(t => t.Set("hovertemplate", hover).Set("marker", new { color = Theme.Palette[0] }))
            .WithTitle(title)
            .WithXAxis(a => a.Set("type", "date").Set("tickformat", tickFormat))
            .WithYAxis(a => a.Set("title", new { text = "Situations" }).Set("tickformat", ",.0f").Set("rangemode", "tozero")));

    private static string VisitsLabel(string column) =>
        VisitsReader.PageViewColumns.Contains(column, StringComparer.OrdinalIgnoreCase) ? "Pages vues" : "Visites";

    private static string Coefficient(double? value) => value is { } v ? v.ToString("0.00", Theme.French) : "non définie";
}
