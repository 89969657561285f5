using MesAides.Analytics.Analyses;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Charts;

/// <summary>Charts of ages and households.</summary>
public static class AgeCharts
{
    /// <summary>French labels of the roles of <see cref="AgesAndHouseholds.Roles"/>.</summary>
    public static string RoleLabel(string role) => role switch
    {
        "demandeur" => "Demandeur",
        "conjoint" => "Conjoint",
        "enfant" => "Enfant",
        AgesAndHouseholds.OtherRole => "Autre",
        _ => ChartText.Escape(role),
    };

    /// <summary>Individuals per age band at the date of value, stacked by role.</summary>
    public static GenericChart Bands(AgeResult result)
    {
        var traces = AgesAndHouseholds.Roles.Select(role =>
        {
            var rows = result.Ages.Where(a => a.Role == role).ToArray();
            return CS.Chart.Column<double, string, string>(
                rows.Select(a => (double)a.Individuals).ToArray(),
                Keys: rows.Select(a => ChartText.Escape(a.Band)).ToArray(),
                Name: RoleLabel(role),
                UseDefaults: false);
        }).ToArray();
        return Theme.Apply(CS.Chart.Combine(traces)
            .WithTraces(t => t.Set("hovertemplate", "%{fullData.name}, %{x} ans : %{y:,.0f} individus<extra></extra>"))
            .WithTitle("Âge des individus selon leur rôle dans le foyer")
            .WithLayout(l => l.Set("barmode", "stack").Set("showlegend", true).Set("legend", new { traceorder = "normal", orientation = "h", x = 0, y = -0.22, yanchor = "top" }))
            .WithXAxis(a => a.Set("title", new { text = "Âge à la date de la simulation (ans)" }))
            .WithYAxis(a => a.Set("title", new { text = "Individus" }).Set("tickformat", ",.0f").Set("rangemode", "tozero")), height: 460);
    }

    /// <summary>Situations by number of children, as shares, with the share of couples in a note.</summary>
    public static GenericChart Children(AgeResult result)
    {
        var rows = result.Children;
        return Theme.Apply(CS.Chart.Column<double, string, string>(
                rows.Select(c => c.Share).ToArray(),
                Keys: rows.Select(c => ChartText.Escape(c.Children)).ToArray(),
                UseDefaults: false)
            .WithTraces(t => t
                .Set("customdata", rows.Select(c => (double)c.Situations).ToArray())
                .Set("hovertemplate", "%{x} enfant(s) : %{y:.1%} des foyers (%{customdata:,.0f})<extra></extra>")
                .Set("texttemplate", "%{y:.0%}")
                .Set("textposition", "outside")
                .Set("cliponaxis", false))
            .WithTitle("Nombre d'enfants par foyer")
            .WithXAxis(a => a.Set("title", new { text = "Enfants" }).Set("type", "category"))
            .WithYAxis(a => a.Set("tickformat", ".0%").Set("title", new { text = "Part des situations" }).Set("rangemode", "tozero"))
            .WithNote($"{result.ShareCouples.ToString("0.0 %", Theme.French)} des situations comptent un conjoint ({result.Situations.ToString("#,0", Theme.French)} situations)."));
    }
}
