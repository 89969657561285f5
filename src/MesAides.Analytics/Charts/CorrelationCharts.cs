using MesAides.Analytics.Analyses;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Charts;

/// <summary>Charts of usage against median income (Filosofi).</summary>
public static class CorrelationCharts
{
    /// <summary>One point per commune: median income against situations per 10,000 inhabitants, Île-de-France in its own colour.</summary>
    /// <param name="aboveThresholdOnly">Only the communes above the usage threshold (most communes have no situation at all).</param>
    /// <param name="minCount">Communes with 1 to <paramref name="minCount"/> − 1 situations are left out (statistical secrecy: their rate would reveal the count).</param>
    public static GenericChart Scatter(IncomeCorrelationResult correlation, bool aboveThresholdOnly = false, int minCount = 0)
    {
        var communes = correlation.Communes
            .Where(c => !aboveThresholdOnly || c.Per10000 > correlation.ThresholdPer10000)
            .Where(c => c.Situations == 0 || c.Situations >= minCount)
            .ToList();
        GenericChart Points(string name, IEnumerable<CommuneIncome> points, string color, int size)
        {
            var list = points.ToList();
            return CS.Chart.Point<double, double, string>(
                    list.Select(c => c.MedianIncome).ToArray(),
                    list.Select(c => c.Per10000).ToArray(),
                    Name: name,
                    MultiText: list.Select(c => ChartText.Escape(c.Commune.Name) + " (" + ChartText.Escape(c.Commune.Insee) + ")").ToArray(),
                    UseDefaults: false)
                .WithTraces(t => t
                    .Set("hovertemplate", "%{text}<br>revenu médian : %{x:,.0f} €<br>%{y:,.1f} situations pour 10 000 habitants<extra></extra>")
                    .Set("marker", new { color, size, opacity = 0.6 }));
        }

        var year = correlation.Year;
        var all = correlation.Group("all").Correlation;
        var note = string.Create(Theme.French,
            $"Revenu médian disponible par unité de consommation (INSEE Filosofi, {ChartText.Escape(correlation.MedianColumn)}, revenus {year}).<br>"
            + $"{communes.Count:N0} communes ; Pearson {Coefficient(all.Pearson)}, Spearman {Coefficient(all.Spearman)} sur toutes les communes.");
        var chart = CS.Chart.Combine([
                Points("Autres régions", communes.Where(c => !c.IleDeFrance), Theme.Palette[0], 5),
                Points("Île-de-France", communes.Where(c => c.IleDeFrance), Theme.Palette[1], 7),
            ])
            .WithTitle("Usage et revenu médian par commune")
            .WithLayout(l => l.Set("showlegend", true).Set("legend", new { orientation = "h", x = 1, xanchor = "right", y = 1.02, yanchor = "bottom" }))
            .WithXAxis(a => a.Set("title", new { text = "Revenu médian (€ par unité de consommation et par an)" }).Set("tickformat", ",.0f"))
            .WithYAxis(a => a.Set("title", new { text = "Situations pour 10 000 habitants" }).Set("tickformat", ",.0f").Set("rangemode", "tozero"))
            .WithShape(new Shape()
                .Set("type", "line").Set("xref", "paper").Set("x0", 0).Set("x1", 1).Set("yref", "y")
                .Set("y0", correlation.ThresholdPer10000).Set("y1", correlation.ThresholdPer10000)
                .Set("line", new { color = "#888", width = 1, dash = "dot" }))
            .WithNote(note);
        return Theme.Apply(chart, height: 520);
    }

    /// <summary>Pearson and Spearman coefficients per group of communes, with their bootstrap interval as error bars.</summary>
    public static GenericChart Coefficients(IncomeCorrelationResult correlation)
    {
        GenericChart Bars(string name, Func<Correlation, double?> value, Func<Correlation, Interval?> interval, string color)
        {
            var groups = correlation.Groups.Where(g => value(g.Correlation) is not null).ToList();
            var values = groups.Select(g => value(g.Correlation)!.Value).ToArray();
            var high = groups.Select((g, i) => interval(g.Correlation) is { } ci ? Math.Max(0, ci.High - values[i]) : 0).ToArray();
            var low = groups.Select((g, i) => interval(g.Correlation) is { } ci ? Math.Max(0, values[i] - ci.Low) : 0).ToArray();
            var counts = groups.Select(g => g.Correlation.N.ToString("N0", Theme.French)).ToArray();
            return CS.Chart.Column<double, string, string>(values, Keys: ChartText.Escape(groups.Select(g => g.Label)), Name: name, MultiText: counts, UseDefaults: false)
                .WithTraces(t => t
                    .Set("error_y", new { type = "data", symmetric = false, array = high, arrayminus = low, visible = true, color = "#444" })
                    .Set("marker", new { color })
                    .Set("textposition", "none")
                    .Set("hovertemplate", "%{x} : %{y:.2f} (n = %{text})<extra>" + name + "</extra>"));
        }

        return Theme.Apply(CS.Chart.Combine([
                Bars("Pearson", c => c.Pearson, c => c.PearsonInterval, Theme.Palette[0]),
                Bars("Spearman", c => c.Spearman, c => c.SpearmanInterval, Theme.Palette[1]),
            ])
            .WithTitle("Corrélation entre usage et revenu médian")
            .WithLayout(l => l.Set("barmode", "group").Set("showlegend", true).Set("legend", new { orientation = "h", x = 1, xanchor = "right", y = 1.02, yanchor = "bottom" }))
            .WithXAxis(a => a.Set("tickangle", 0).Set("automargin", true))
            .WithYAxis(a => a.Set("title", new { text = "Coefficient de corrélation" }).Set("range", new[] { -1.0, 1.0 }).Set("zeroline", true))
            .WithNote("Barres d'erreur : intervalle à 95 % par bootstrap (tirages avec remise, graine fixe).<br>Un groupe sans coefficient défini (moins de 2 communes) n'est pas tracé."),
            height: 460);
    }

    private static string Coefficient(double? value) => value is { } v ? v.ToString("0.00", Theme.French) : "non définie";
}
