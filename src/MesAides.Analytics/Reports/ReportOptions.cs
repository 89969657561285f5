using MesAides.Analytics.Cleaning;

namespace MesAides.Analytics.Reports;

/// <summary>How long a report's period is when it is not given by dates.</summary>
public enum PeriodKind
{
    /// <summary>Everything in the input.</summary>
    All,
    Month,
    Quarter,
    Year,
}

/// <summary>What the headline figures are compared with.</summary>
public enum Comparison
{
    None,

    /// <summary>The period of the same length just before.</summary>
    Previous,

    /// <summary>The same period one year earlier.</summary>
    YearAgo,
}

/// <summary>Options of <c>report</c>; every one has a default, so <c>new ReportOptions()</c> is the main job.</summary>
public sealed record ReportOptions
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public PeriodKind Period { get; init; } = PeriodKind.All;

    public Comparison Compare { get; init; } = Comparison.Previous;

    /// <summary>The user's INSEE Filosofi CSV (not redistributable, never downloaded).</summary>
    public string? FilosofiPath { get; init; }

    /// <summary>A Matomo/Piwik export of daily visits.</summary>
    public string? VisitsPath { get; init; }

    /// <summary>Counts below this are suppressed in published outputs; 0 turns suppression off.</summary>
    public int MinCell { get; init; } = 11;

    public string Language { get; init; } = "fr";

    public bool WriteHtml { get; init; } = true;

    public bool WriteCsv { get; init; } = true;

    public bool WriteJson { get; init; } = true;

    public CleaningOptions Cleaning { get; init; } = CleaningOptions.Default;
}
