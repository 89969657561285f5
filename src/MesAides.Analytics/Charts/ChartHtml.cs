using System.Net;
using System.Text;
using Newtonsoft.Json;
using Plotly.NET;

namespace MesAides.Analytics.Charts;

/// <summary>
/// Offline HTML for charts: plotly.js comes from inside Plotly.NET.dll (no CDN), and chart JSON is written
/// with HTML-safe escaping (Plotly.NET's own writer would let a <c>&lt;/script&gt;</c> in data end the script).
/// </summary>
public static class ChartHtml
{
    private const string PlotlyJsResource = "Plotly.NET.plotly-2.28.0.min.js";

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(PlotlyJsResource)
            ?? throw new InvalidOperationException($"{PlotlyJsResource} is missing from Plotly.NET");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var js = reader.ReadToEnd();
        return js.Contains("</script", StringComparison.OrdinalIgnoreCase) ? throw new InvalidOperationException("plotly.js contains </script") : js;
    });

    /// <summary>plotly.js 2.28.0, minified, to inline once per page.</summary>
    public static string PlotlyJs => Script.Value;

    /// <summary>French month and day names and number format for plotly.js (it ships no locale here).</summary>
    public const string FrenchLocaleJs = """
        Plotly.register({moduleType: 'locale', name: 'fr',
          dictionary: {'Download plot as a png': 'Télécharger en PNG', 'Zoom': 'Zoom', 'Pan': 'Déplacement',
                       'Zoom in': 'Zoom avant', 'Zoom out': 'Zoom arrière', 'Reset axes': 'Réinitialiser les axes',
                       'Double-click to zoom back out': 'Double-cliquer pour dézoomer'},
          format: {days: ['dimanche','lundi','mardi','mercredi','jeudi','vendredi','samedi'],
                   shortDays: ['dim.','lun.','mar.','mer.','jeu.','ven.','sam.'],
                   months: ['janvier','février','mars','avril','mai','juin','juillet','août','septembre','octobre','novembre','décembre'],
                   shortMonths: ['janv.','févr.','mars','avr.','mai','juin','juil.','août','sept.','oct.','nov.','déc.'],
                   date: '%d/%m/%Y', decimal: ',', thousands: '\u202F'}});
        """;

    /// <summary>Everything a page needs before its first chart: plotly.js and the French locale.</summary>
    public static string HeadScripts => $"<script>\n{PlotlyJs}\n</script>\n<script>\n{FrenchLocaleJs}\n</script>\n";

    private static readonly JsonSerializerSettings Json = new()
    {
        ReferenceLoopHandling = ReferenceLoopHandling.Serialize,
        StringEscapeHandling = StringEscapeHandling.EscapeHtml,
    };

    /// <summary>A div and the script that draws the chart in it; the id is the caller's, so output is deterministic.</summary>
    public static string Fragment(GenericChart chart, string id)
    {
        var data = JsonConvert.SerializeObject(GenericChart.getTraces(chart), Json);
        var layout = JsonConvert.SerializeObject(GenericChart.getLayout(chart), Json);
        var config = JsonConvert.SerializeObject(GenericChart.getConfig(chart), Json);
        return $"<div id=\"{WebUtility.HtmlEncode(id)}\" class=\"chart\"></div>\n"
            + $"<script>Plotly.newPlot({JsonConvert.SerializeObject(id, Json)}, {data}, {layout}, {config});</script>\n";
    }

    /// <summary>Escapes the five HTML-significant characters and leaves accents readable (WebUtility.HtmlEncode writes é as &amp;#233;).</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text ?? string.Empty;
        }

        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }

        return html.ToString();
    }

    /// <summary>One chart as a self-contained offline HTML file.</summary>
    public static void Save(GenericChart chart, string path, string title)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
            .Append(HeadScripts)
            .Append("</head>\n<body>\n")
            .Append(Fragment(chart, "chart"))
            .Append("</body>\n</html>\n");
        File.WriteAllText(path, html.ToString(), new UTF8Encoding(false));
    }
}
