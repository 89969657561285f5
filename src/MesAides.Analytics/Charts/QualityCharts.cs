using MesAides.Analytics.Analyses;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Charts;

/// <summary>Charts of data quality.</summary>
public static class QualityCharts
{
    /// <summary>French labels of the data-quality fields.</summary>
    public static string FieldLabel(string field) => field switch
    {
        "date_de_valeur" => "Date de valeur",
        "housing" => "Type de logement",
        "housing_detail" => "Statut d'occupation détaillé",
        "rent" => "Loyer (locataires)",
        "postal_code" => "Code postal",
        "insee" => "Code INSEE",
        "commune" => "Nom de commune",
        "birth_date_or_age" => "Date de naissance ou âge (individus)",
        "role" => "Rôle (individus)",
        "resolved_commune" => "Commune non retrouvée",
        _ => field,
    };

    /// <summary>Share of missing values, field × storage format, as a heat map.</summary>
    public static GenericChart Missing(DataQualityResult result)
    {
        var formats = result.Formats.ToList();
        var fields = DataQuality.Fields.Where(f => result.Rows.Any(r => r.Field == f)).ToList();
        var formatLabels = ChartText.Escape(formats.Select(f => f == "all" ? "Ensemble" : "Format " + f));
        var fieldLabels = ChartText.Escape(fields.Select(FieldLabel));
        var z = fields.Select(field => formats.Select(format => result.Get(format, field).Share).ToArray()).ToArray();
        var text = fields.Select(field => formats.Select(format =>
        {
            var row = result.Get(format, field);
            return string.Create(Theme.French, $"{row.Missing:N0} sur {row.Total:N0}");
        }).ToArray()).ToArray();
        return Theme.Apply(CS.Chart.Heatmap<double, string, string, string>(z, X: formatLabels, Y: fieldLabels, ReverseYAxis: true,
                ColorScale: StyleParam.Colorscale.NewCustom([.. Theme.Sequential.Select(s => Tuple.Create(s.Stop, Color.fromString(s.Color)))]), UseDefaults: false)
            .WithTraces(t => t
                .Set("text", text)
                .Set("zmin", 0.0).Set("zmax", 1.0)
                .Set("texttemplate", "%{z:.0%}")
                .Set("xgap", 2).Set("ygap", 2)
                .Set("colorbar", new { tickformat = ".0%" })
                .Set("hovertemplate", "%{y}, %{x} : %{z:.1%} manquant (%{text})<extra></extra>"))
            .WithTitle("Valeurs manquantes par champ et format de stockage")
            .WithXAxis(a => a.Set("side", "top").Set("ticks", string.Empty))
            .WithYAxis(a => a.Set("ticks", string.Empty))
            .WithNote("Format A : 2014–2017 ; B : 2017–2021 ; C : depuis 2021.<br>Le loyer est compté chez les locataires, date de naissance et rôle par individu."),
            height: 120 + (40 * fields.Count));
    }
}
