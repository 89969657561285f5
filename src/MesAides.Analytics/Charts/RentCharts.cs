using MesAides.Analytics.Analyses;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Charts;

/// <summary>Charts of tenants' rents.</summary>
public static class RentCharts
{
    /// <summary>Tenants per 50 € rent bin (the original's rent histogram), with the median marked.</summary>
    public static GenericChart Distribution(RentResult result)
    {
        var bins = result.Bins;
        var chart = CS.Chart.Column<double, double, string>(
                bins.Select(b => (double)b.Situations).ToArray(),
                Keys: bins.Select(b => (b.Lower + b.Upper) / 2).ToArray(),
                UseDefaults: false)
            .WithTraces(t => t
                .Set("width", Rent.BinWidth)
                .Set("customdata", bins.Select(b => new[] { b.Lower, b.Upper }).ToArray())
                .Set("hovertemplate", "%{customdata[0]:,.0f} à %{customdata[1]:,.0f} € : %{y:,.0f} situations<extra></extra>"))
            .WithTitle("Loyers déclarés par les locataires")
            .WithLayout(l => l.Set("bargap", 0))
            .WithXAxis(a => a.Set("title", new { text = "Loyer mensuel (€)" }).Set("tickformat", ",.0f"))
            .WithYAxis(a => a.Set("title", new { text = "Situations" }).Set("tickformat", ",.0f").Set("rangemode", "tozero"))
            .WithNote($"Loyers strictement compris entre {Euros(Rent.Min)} et {Euros(Rent.Max)} : {Count(result.InRange)} situations sur {Count(result.Tenants)} locataires.");
        if (result.Median is { } median)
        {
            chart = chart
                .WithShape(new Shape()
                    .Set("type", "line").Set("xref", "x").Set("yref", "paper").Set("x0", median).Set("x1", median).Set("y0", 0).Set("y1", 1)
                    .Set("line", new { color = Theme.Palette[3], width = 2, dash = "dash" }))
                .WithAnnotation(new Annotation()
                    .Set("text", $"Médiane : {Euros(median)}").Set("xref", "x").Set("yref", "paper").Set("x", median).Set("y", 1)
                    .Set("xanchor", "left").Set("yanchor", "top").Set("xshift", 4).Set("showarrow", false)
                    .Set("font", new { color = Theme.Palette[3] }));
        }

        return Theme.Apply(chart, height: 460);
    }

    /// <summary>Median rent of the <paramref name="top"/> départements with the most tenants, most tenants on top.</summary>
    public static GenericChart ByDepartement(RentResult result, int top = 20)
    {
        var rows = result.Departements.Take(top).Reverse().ToArray();
        return Theme.Apply(CS.Chart.Bar<double, string, string>(
                rows.Select(d => d.Median ?? double.NaN).ToArray(),
                Keys: rows.Select(d => ChartText.Escape($"{d.Departement} {d.Name}")).ToArray(),
                UseDefaults: false)
            .WithTraces(t => t
                .Set("customdata", rows.Select(d => new[] { (double)d.Situations, d.Mean ?? double.NaN }).ToArray())
                .Set("hovertemplate", "%{y} : médiane %{x:,.0f} €, moyenne %{customdata[1]:,.0f} € (%{customdata[0]:,.0f} situations)<extra></extra>"))
            .WithTitle($"Loyer médian des locataires dans les {rows.Length} départements les plus représentés")
            .WithXAxis(a => a.Set("title", new { text = "Loyer mensuel médian (€)" }).Set("tickformat", ",.0f").Set("rangemode", "tozero"))
            .WithNote($"Loyers strictement compris entre {Euros(Rent.Min)} et {Euros(Rent.Max)} ; médianes interpolées par tranches de 10 € (précision : 10 €)."),
            height: Math.Max(320, 120 + (28 * rows.Length)));
    }

    private static string Count(long value) => value.ToString("#,0", Theme.French);

    private static string Euros(double value) => value.ToString("#,0", Theme.French) + "\u00A0€";
}
