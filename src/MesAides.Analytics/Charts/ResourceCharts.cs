using System.Collections.Frozen;
using MesAides.Analytics.Analyses;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Charts;

/// <summary>Charts of the resources question (the seed's "top 5" and "sans top 2").</summary>
public static class ResourceCharts
{
    /// <summary>French labels of the most declared types; other types show their harmonised name.</summary>
    public static FrozenDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        ["salaire_net"] = "Salaire",
        ["chomage_net"] = "Chômage",
        ["retraite_nette"] = "Retraite",
        ["aide_logement"] = "Aide au logement",
        ["af"] = "Allocations familiales",
        ["pensions_alimentaires_percues"] = "Pension alimentaire perçue",
        ["pensions_alimentaires_versees_individu"] = "Pension alimentaire versée",
        ["rsa"] = "RSA",
        ["ppa"] = "Prime d'activité",
        ["aah"] = "AAH",
        ["ass"] = "ASS",
        ["asf"] = "ASF",
        ["cf"] = "Complément familial",
        ["paje_base"] = "PAJE (allocation de base)",
        ["pensions_invalidite"] = "Pension d'invalidité",
        ["bourse_enseignement_sup"] = "Bourse d'enseignement supérieur",
        ["indemnites_journalieres_maladie"] = "Indemnités journalières maladie",
        ["revenus_locatifs"] = "Revenus locatifs",
        ["revenus_capital"] = "Revenus du capital",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The label a chart shows for a type, escaped for plotly.js.</summary>
    public static string Label(string type) => ChartText.Escape(Labels.GetValueOrDefault(type) ?? type);

    /// <summary>The n most declared types: share of all individuals who declared each.</summary>
    public static GenericChart Top(ResourceResult result, int n = 5)
    {
        var top = result.Top(n);
        return Bars(top, $"Les {top.Count} ressources les plus déclarées", Method(result));
    }

    /// <summary>The ranking without the two most declared types, so that the others can be read.</summary>
    public static GenericChart WithoutTopTwo(ResourceResult result, int n = 10)
    {
        var removed = string.Join(" et ", result.Types.Take(2).Select(t => Label(t.Type)));
        return Bars(
            result.WithoutTopTwo(n),
            "Les autres ressources déclarées",
            $"Sans les deux ressources les plus déclarées ({removed}). Part des {Count(result.Individuals)} individus<br>"
            + "ayant déclaré au moins un montant mensuel non nul sur les 12 mois précédant la simulation.");
    }

    private static GenericChart Bars(IReadOnlyList<ResourceTypeUsage> types, string title, string note)
    {
        // plotly.js draws the first bar at the bottom: the most declared goes last to be on top.
        var rows = types.Reverse().ToArray();
        return Theme.Apply(CS.Chart.Bar<double, string, string>(
                [.. rows.Select(t => t.Share)],
                Keys: rows.Select(t => Label(t.Type)).ToArray(),
                UseDefaults: false)
            .WithTraces(t => t
                .Set("customdata", rows.Select(r => (double)r.Individuals).ToArray())
                .Set("hovertemplate", "%{y} : %{x:.1%} des individus (%{customdata:,.0f})<extra></extra>")
                .Set("texttemplate", "%{x:.0%}")
                .Set("textposition", "outside")
                .Set("cliponaxis", false))
            .WithTitle(title)
            .WithXAxis(a => a.Set("tickformat", ".0%").Set("title", new { text = "Part des individus" }).Set("rangemode", "tozero"))
            .WithNote(note), height: Math.Max(320, 120 + (40 * rows.Length)));
    }

    private static string Method(ResourceResult result) =>
        $"Part des {Count(result.Individuals)} individus ayant déclaré au moins un montant mensuel non nul de ce type<br>"
        + "sur les 12 mois précédant la simulation (ressources fiscales exclues).";

    private static string Count(long value) => value.ToString("#,0", Theme.French);
}
