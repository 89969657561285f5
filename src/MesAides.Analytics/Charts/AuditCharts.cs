using MesAides.Analytics.Cleaning;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Charts;

/// <summary>What loading and cleaning removed, and why.</summary>
public static class AuditCharts
{
    /// <summary>One bar per rejection reason and cleaning rule, then the situations kept.</summary>
    public static GenericChart Removed(CleaningAudit audit)
    {
        var steps = audit.Steps.Where(s => s.Step != "read").Reverse().ToList();
        var values = steps.Select(s => (double)s.Situations).ToArray();
        var labels = ChartText.Escape(steps.Select(s => s.Step));
        var colors = steps.Select(s => s.Step == "kept" ? Theme.Palette[2] : s.Step.StartsWith("rejected:", StringComparison.Ordinal) ? Theme.Palette[3] : Theme.Palette[1]).ToArray();
        return Theme.Apply(CS.Chart.Bar<double, string, string>(values, Keys: labels, UseDefaults: false)
            .WithTraces(t => t
                .Set("marker", new { color = colors })
                .Set("customdata", ChartText.Escape(steps.Select(s => s.Description)))
                .Set("hovertemplate", "%{y} : %{x:,.0f} documents<br>%{customdata}<extra></extra>"))
            .WithTitle($"Documents lus : {audit.Load.Read.ToString("N0", Theme.French)} — rejetés, retirés par règle, conservés")
            .WithXAxis(a => a.Set("title", new { text = "Documents (échelle logarithmique)" }).Set("type", "log")), height: 140 + (steps.Count * 26));
    }
}
