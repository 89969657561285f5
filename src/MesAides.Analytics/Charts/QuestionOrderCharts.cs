using MesAides.Analytics.Analyses;
using Plotly.NET;
using CS = Plotly.NET.CSharp;

namespace MesAides.Analytics.Charts;

/// <summary>Charts of the question-order analysis (quicker input).</summary>
public static class QuestionOrderCharts
{
    /// <summary>Mean position of the chosen option per question, in the form's order and in the order by frequency.</summary>
    public static GenericChart Positions(QuestionOrderResult result)
    {
        var questions = result.Questions.Where(q => q.Situations > 0).ToList();
        var labels = ChartText.Escape(questions.Select(q => q.Label));
        var saved = questions.Select(q => q.Saved.ToString("0.00", Theme.French)).ToArray();
        GenericChart Bars(string name, double[] values, string color) =>
            CS.Chart.Column<double, string, string>(values, Keys: labels, Name: name, MultiText: saved, UseDefaults: false)
                .WithTraces(t => t
                    .Set("marker", new { color })
                    .Set("texttemplate", "%{y:.2f}").Set("textposition", "outside").Set("cliponaxis", false)
                    .Set("hovertemplate", "%{x} : position moyenne %{y:.2f} (gain %{text})<extra>" + name + "</extra>"));

        return Theme.Apply(CS.Chart.Combine([
                Bars("Ordre du formulaire", questions.Select(q => q.FormMean).ToArray(), Theme.Palette[5]),
                Bars("Ordre par fréquence", questions.Select(q => q.FrequencyMean).ToArray(), Theme.Palette[0]),
            ])
            .WithTitle("Position moyenne de la réponse choisie")
            .WithLayout(l => l.Set("barmode", "group").Set("showlegend", true))
            .WithYAxis(a => a.Set("title", new { text = "Position moyenne" }).Set("range", new[] { 0, 1.2 * questions.Select(q => Math.Max(q.FormMean, q.FrequencyMean)).DefaultIfEmpty(1).Max() }))
            .WithNote("Position 1 = première option proposée. Ressources : position de la dernière ressource déclarée (la liste est parcourue jusqu'à elle).<br>"
                + "L'ordre par fréquence est calculé sur les mêmes données."), height: 440);
    }
}
