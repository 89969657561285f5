using System.Globalization;
using Plotly.NET;

namespace MesAides.Analytics.Charts;

/// <summary>The common look of every chart: French number format, one palette, readable on a laptop and in print.</summary>
public static class Theme
{
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    /// <summary>Decimal comma and a narrow no-break space between thousands (French typography).</summary>
    public const string FrenchSeparators = ",\u202F";

    public static IReadOnlyList<string> Palette { get; } = ["#1f5f99", "#e07b39", "#3a9e6f", "#c0504d", "#8064a2", "#7f7f7f", "#4bacc6", "#b8a200"];

    /// <summary>Blues for maps and heat maps: light is little use, dark is much.</summary>
    public static IReadOnlyList<(double Stop, string Color)> Sequential { get; } = [(0.0, "#f7fbff"), (0.35, "#9ecae1"), (0.7, "#3182bd"), (1.0, "#08306b")];

    public static CultureInfo French { get; } = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly Template Template = Template.init<Trace>(new Layout()
        .Set("font", new { family = FontFamily, size = 14, color = "#222" })
        .Set("title", new { x = 0.0, xanchor = "left", xref = "paper", font = new { size = 18 } })
        .Set("colorway", Palette)
        .Set("separators", FrenchSeparators)
        .Set("margin", new { l = 60, r = 30, t = 70, b = 60 })
        .Set("paper_bgcolor", "white")
        .Set("plot_bgcolor", "white")
        .Set("hoverlabel", new { font = new { family = FontFamily, size = 13 }, namelength = -1 })
        .Set("legend", new { orientation = "h", x = 0, y = -0.18, yanchor = "top" })
        .Set("xaxis", new { gridcolor = "#e5e5e5", linecolor = "#999", zerolinecolor = "#bbb", automargin = true, ticks = "outside" })
        .Set("yaxis", new { gridcolor = "#e5e5e5", linecolor = "#999", zerolinecolor = "#bbb", automargin = true }), null);

    /// <summary>Applies the theme, a height and an offline, French, responsive configuration.</summary>
    public static GenericChart Apply(GenericChart chart, int height = 420) => chart
        .Pipe(Chart.withTemplate(Template))
        .WithLayout(l => l.Set("separators", FrenchSeparators).Set("autosize", true).Set("height", height))
        .Pipe(Chart.withConfig(new Config()
            .Set("responsive", true)
            .Set("displaylogo", false)
            .Set("locale", "fr")
            .Set("modeBarButtonsToRemove", new[] { "select2d", "lasso2d", "autoScale2d" })));

    /// <summary>A colour between the stops of a scale, for values drawn as filled shapes.</summary>
    public static string Interpolate(IReadOnlyList<(double Stop, string Color)> scale, double t)
    {
        t = Math.Clamp(double.IsFinite(t) ? t : 0, 0, 1);
        for (var i = 1; i < scale.Count; i++)
        {
            if (t <= scale[i].Stop)
            {
                var (s0, c0) = scale[i - 1];
                var (s1, c1) = scale[i];
                var f = (t - s0) / (s1 - s0);
                int Channel(string hex, int k) => Convert.ToInt32(hex.Substring(1 + (2 * k), 2), 16);
                var rgb = Enumerable.Range(0, 3).Select(k => (int)Math.Round(Channel(c0, k) + (f * (Channel(c1, k) - Channel(c0, k))))).ToArray();
                return $"rgb({rgb[0]},{rgb[1]},{rgb[2]})";
            }
        }

        return scale[^1].Color;
    }
}
