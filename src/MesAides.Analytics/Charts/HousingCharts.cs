using MesAides.Analytics.Analyses;
using MesAides.Analytics.Model;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Charts;

/// <summary>Charts of the housing question.</summary>
public static class HousingCharts
{
    /// <summary>The seed's donut: situations by housing category (known answers only).</summary>
    public static GenericChart Donut(HousingResult result)
    {
        var labels = HousingCategories.All.Select(c => c.Label()).ToArray();
        var values = HousingCategories.All.Select(c => (double)result.ByCategory[c]).ToArray();
        return Theme.Apply(CS.Chart.Doughnut<double, string, string>(values, Labels: labels, Hole: 0.5, Sort: false, UseDefaults: false)
            .WithTraces(t => t.Set("hovertemplate", "%{label} : %{value:,.0f} situations (%{percent})<extra></extra>").Set("textinfo", "label+percent"))
            .WithTitle("Types de logement des situations simulées"));
    }

    /// <summary>Our shares next to the census's; the census has no homeless category, and the chart says so.</summary>
    public static GenericChart VersusCensus(HousingResult result, IReadOnlyDictionary<HousingCategory, double> census)
    {
        var categories = HousingCategories.All.Select(c => c.Label()).ToArray();
        var ours = HousingCategories.All.Select(result.Share).ToArray();
        var reference = HousingCategories.All.Select(c => census.TryGetValue(c, out var share) ? share : 0).ToArray();
        return Theme.Apply(CS.Chart.Combine([
                CS.Chart.Column<double, string, string>(ours, Keys: categories, Name: "Situations simulées", UseDefaults: false),
                CS.Chart.Column<double, string, string>(reference, Keys: categories, Name: "Recensement 2012 (résidences principales)", UseDefaults: false),
            ])
            .WithTraces(t => t.Set("hovertemplate", "%{x} : %{y:.1%}<extra></extra>").Set("texttemplate", "%{y:.0%}").Set("textposition", "outside"))
            .WithTitle("Logement : usagers de Mes Aides et population générale")
            .WithLayout(l => l.Set("barmode", "group").Set("showlegend", true))
            .WithYAxis(a => a.Set("tickformat", ".0%").Set("title", new { text = "Part des réponses connues" }).Set("range", new[] { 0, 1.15 * ours.Concat(reference).DefaultIfEmpty(1).Max() }))
            .WithNote("Le recensement (INSEE, 2012) compte des résidences principales : il n'a pas de catégorie « sans domicile »."), height: 460);
    }

    /// <summary>Detailed statuses (HLM, vide, meublé, foyer, primo-accédant…), largest first.</summary>
    public static GenericChart Details(HousingResult result)
    {
        var rows = result.ByDetail.OrderBy(d => d.Situations).ToList();
        return Theme.Apply(CS.Chart.Bar<double, string, string>(
                [.. rows.Select(d => (double)d.Situations)],
                Keys: ChartText.Escape(rows.Select(d => d.Detail)),
                UseDefaults: false)
            .WithTraces(t => t.Set("hovertemplate", "%{y} : %{x:,.0f} situations<extra></extra>"))
            .WithTitle("Statuts d'occupation détaillés")
            .WithXAxis(a => a.Set("title", new { text = "Situations" }).Set("tickformat", ",.0f")), height: 380);
    }
}
