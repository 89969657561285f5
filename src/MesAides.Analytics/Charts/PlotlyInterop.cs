using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace MesAides.Analytics.Charts;

/// <summary>
/// Small bridges to Plotly.NET's F# API: its optional arguments are mandatory from C#, so charts set
/// plotly.js attributes by their JSON names on the dynamic objects instead.
/// </summary>
public static class PlotlyInterop
{
    public static FSharpOption<T> Some<T>(T value) => FSharpOption<T>.Some(value);

    public static GenericChart Pipe(this GenericChart chart, FSharpFunc<GenericChart, GenericChart> style) => style.Invoke(chart);

    /// <summary>Sets a plotly.js attribute; values must serialise as they are (strings, numbers, arrays, anonymous objects).</summary>
    public static T Set<T>(this T target, string key, object value)
        where T : DynamicObj.DynamicObj
    {
        target.SetProperty(key, value);
        return target;
    }

    public static GenericChart WithTraces(this GenericChart chart, Action<Trace> change) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(t =>
        {
            change(t);
            return t;
        }), chart);

    /// <summary>Merges layout attributes (typed objects merge deeply; anonymous ones replace).</summary>
    public static GenericChart WithLayout(this GenericChart chart, Action<Layout> build)
    {
        var layout = new Layout();
        build(layout);
        return GenericChart.addLayout(layout, chart);
    }

    public static GenericChart WithTitle(this GenericChart chart, string title) => chart.Pipe(Chart.withTitle(title, null));

    public static GenericChart WithXAxis(this GenericChart chart, Action<LinearAxis> build, int? id = null)
    {
        var axis = new LinearAxis();
        build(axis);
        return chart.Pipe(Chart.withXAxis(axis, id is { } n ? Some(StyleParam.SubPlotId.NewXAxis(n)) : null));
    }

    public static GenericChart WithYAxis(this GenericChart chart, Action<LinearAxis> build, int? id = null)
    {
        var axis = new LinearAxis();
        build(axis);
        return chart.Pipe(Chart.withYAxis(axis, id is { } n ? Some(StyleParam.SubPlotId.NewYAxis(n)) : null));
    }

    public static GenericChart WithShape(this GenericChart chart, Shape shape) => chart.Pipe(Chart.withShape(shape, Some(true)));

    public static GenericChart WithAnnotation(this GenericChart chart, Annotation annotation) => chart.Pipe(Chart.withAnnotation(annotation, Some(true)));

    /// <summary>A note under the plot area (source, caveat); long lines are wrapped, as plotly does not wrap.</summary>
    public static GenericChart WithNote(this GenericChart chart, string note)
    {
        var lines = Wrap(note, 110);
        return chart
            .WithLayout(l => l.Set("margin", new { l = 60, r = 30, t = 70, b = 100 + (16 * lines.Count) }))
            .WithAnnotation(new Annotation()
                .Set("text", string.Join("<br>", lines)).Set("xref", "paper").Set("yref", "paper").Set("x", 0).Set("y", 0).Set("yshift", -80)
                .Set("xanchor", "left").Set("yanchor", "top").Set("showarrow", false).Set("align", "left")
                .Set("font", new { size = 12, color = "#555" }));
    }

    /// <summary>Splits a note at its <c>&lt;br&gt;</c>s, then at spaces so that no line is longer than <paramref name="width"/>.</summary>
    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split("<br>"))
        {
            var line = new System.Text.StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>A trace of any plotly.js type, with no Plotly.NET defaults.</summary>
    public static GenericChart RawTrace(string type, Action<Trace> build)
    {
        var trace = new Trace(type);
        build(trace);
        return GenericChart.ofTraceObject(false, trace);
    }

    /// <summary>The chart as plotly.js figure JSON (<c>{"data": [...], "layout": {...}}</c>), for tests and exports.</summary>
    public static string ToFigureJson(this GenericChart chart) => GenericChart.toFigureJson(chart);
}

/// <summary>
/// plotly.js draws a subset of HTML in its SVG text (<c>&lt;b&gt;</c>, <c>&lt;a href&gt;</c>…) and decodes
/// <c>&amp;amp; &amp;lt; &amp;gt;</c>: every text that comes from data is escaped with this before it goes into a chart.
/// </summary>
public static class ChartText
{
    public static string Escape(string? text) =>
        (text ?? string.Empty).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static string[] Escape(IEnumerable<string?> texts) => [.. texts.Select(Escape)];
}
