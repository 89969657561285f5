using MesAides.Analytics.Analyses;
using MesAides.Analytics.Reference;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Charts;

/// <summary>Charts of household income over the last 12 months (the seed's "répartition des sommes des revenus").</summary>
public static class IncomeCharts
{
    private const string Method = "Somme des ressources mensuelles de tous les membres du foyer sur les 12 mois précédant la simulation (ressources fiscales exclues).";

    /// <summary>Situations per income bin, as shares of all situations.</summary>
    public static GenericChart Histogram(IncomeResult result)
    {
        var labels = result.Bins.Select(BinLabel).ToArray();
        return Theme.Apply(CS.Chart.Column<double, string, string>(
                result.Bins.Select(b => b.Share).ToArray(),
                Keys: labels,
                UseDefaults: false)
            .WithTraces(t => t
                .Set("customdata", result.Bins.Select(b => (double)b.Situations).ToArray())
                .Set("hovertemplate", "%{x} : %{y:.1%} des situations (%{customdata:,.0f})<extra></extra>"))
            .WithTitle("Revenus annuels des foyers")
            .WithXAxis(a => a.Set("title", new { text = "Revenus du foyer sur 12 mois" }).Set("tickangle", 0))
            .WithYAxis(a => a.Set("tickformat", ".0%").Set("title", new { text = "Part des situations" }).Set("rangemode", "tozero"))
            .WithNote($"{Method}<br>{Count(result.Situations)} situations."), height: 500);
    }

    /// <summary>
    /// Positive incomes in 500 € bins up to 60,000 €, with the annual net minimum wage marked: of
    /// <paramref name="year"/> (default: the median year of the data), or <paramref name="smicAnnual"/> when given.
    /// </summary>
    public static GenericChart Density(IncomeResult result, double? smicAnnual = null, int? year = null)
    {
        year ??= result.MedianYear;
        smicAnnual ??= year is { } y ? MinimumWage.AnnualNet(y) : null;
        var centres = result.Density.Select(b => (b.Lower + b.Upper) / 2).ToArray();
        var width = result.Density.Count > 0 ? result.Density[0].Upper - result.Density[0].Lower : 0;
        var chart = CS.Chart.Column<double, double, string>(
                result.Density.Select(b => (double)b.Situations).ToArray(),
                Keys: centres,
                UseDefaults: false)
            .WithTraces(t => t
                .Set("width", width)
                .Set("customdata", result.Density.Select(b => new[] { b.Lower, b.Upper }).ToArray())
                .Set("hovertemplate", "%{customdata[0]:,.0f} à %{customdata[1]:,.0f} € : %{y:,.0f} situations<extra></extra>"))
            .WithTitle("Répartition des revenus annuels positifs des foyers")
            .WithLayout(l => l.Set("bargap", 0))
            .WithXAxis(a => a.Set("title", new { text = "Revenus du foyer sur 12 mois (€)" }).Set("tickformat", ",.0f"))
            .WithYAxis(a => a.Set("title", new { text = "Situations" }).Set("tickformat", ",.0f").Set("rangemode", "tozero"))
            .WithNote($"{Method}<br>Non représentés : revenus nuls ({result.ShareZero.ToString("0.0 %", Theme.French)} des situations), "
                + $"négatifs, et au-delà de {Count(Income.DensityMax)} € ({Count(result.AboveDensity)} situations).");
        if (smicAnnual is { } smic)
        {
            chart = chart
                .WithShape(new Shape()
                    .Set("type", "line").Set("xref", "x").Set("yref", "paper").Set("x0", smic).Set("x1", smic).Set("y0", 0).Set("y1", 1)
                    .Set("line", new { color = Theme.Palette[3], width = 2, dash = "dash" }))
                .WithAnnotation(new Annotation()
                    .Set("text", MinimumWage.Label(year, smic)).Set("xref", "x").Set("yref", "paper").Set("x", smic).Set("y", 1)
                    .Set("xanchor", "left").Set("yanchor", "top").Set("xshift", 4).Set("showarrow", false)
                    .Set("bgcolor", "rgba(255,255,255,0.85)").Set("font", new { color = Theme.Palette[3] }));
        }

        return Theme.Apply(chart, height: 480);
    }

    /// <summary>"&lt; 0 €", "0 €", "0 à / 5 000 €" (on two lines), …, "&gt; 50 000 €", escaped: the signs are markup to plotly.js.</summary>
    public static string BinLabel(IncomeBin bin) => bin switch
    {
        { Lower: null, Upper: { } upper } => ChartText.Escape($"< {Count(upper)} €"),
        { Lower: { } lower, Upper: null } => ChartText.Escape($"> {Count(lower)} €"),
        { Lower: { } lower, Upper: { } upper } when lower == upper => $"{Count(lower)} €",
        { Lower: { } lower, Upper: { } upper } => $"{Count(lower)} à<br>{Count(upper)} €",
        _ => ChartText.Escape(bin.Bin),
    };

    private static string Count(double value) => value.ToString("#,0", Theme.French);
}
