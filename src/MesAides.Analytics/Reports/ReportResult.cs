using MesAides.Analytics.Analyses;
using MesAides.Analytics.Cleaning;

namespace MesAides.Analytics.Reports;

/// <summary>What a headline figure is: counts of people are suppressed when small, shares and amounts are not.</summary>
public enum HeadlineKind
{
    Count,
    Share,
    Amount,
}

/// <summary>A headline figure and its value in the comparison period.</summary>
public sealed record Headline(string Id, string Label, double? Value, double? Compared, HeadlineKind Kind)
{
    public bool IsShare => Kind == HeadlineKind.Share;

    public bool IsCount => Kind == HeadlineKind.Count;

    /// <summary>Relative change for counts, difference in points for shares.</summary>
    public double? Change => (Value, Compared) switch
    {
        ({ } v, { } c) when IsShare => v - c,
        ({ } v, { } c) when c != 0 => (v - c) / c,
        _ => null,
    };
}

/// <summary>What a report run computed, before it is written.</summary>
public sealed record ReportResult(
    string Source,
    bool IsSample,
    ReportOptions Options,
    ReportPeriod Period,
    ReportPeriod? ComparedPeriod,
    CleaningAudit Audit,
    long OutsidePeriod,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    StudyResults Current,
    StudyResults? Compared)
{
    /// <summary>read = rejected + removed by rule + outside the period + kept in the period.</summary>
    public bool Reconciles => Audit.Load.Read == Audit.Load.Rejected + Audit.Removed + OutsidePeriod + Current.Situations;

    /// <summary>The audit table (never suppressed: it counts documents, not people).</summary>
    public Table AuditTable => AuditTables.Of(Audit, Period.From is not null || Period.To is not null ? OutsidePeriod : null, Current.Situations);

    public IReadOnlyList<Headline> Headlines
    {
        get
        {
            static double? Share(StudyResults? r, Model.HousingCategory c) => r is null || r.Housing.Known == 0 ? null : r.Housing.Share(c);
            return
            [
                new("situations", "Situations simulées", Current.Situations, Compared?.Situations, HeadlineKind.Count),
                new("individuals", "Personnes décrites", Current.Individuals, Compared?.Individuals, HeadlineKind.Count),
                new("communes", "Communes représentées", Current.Geography.Communes.Count, Compared?.Geography.Communes.Count, HeadlineKind.Count),
                new("share_locataire", "Part de locataires", Share(Current, Model.HousingCategory.Locataire), Share(Compared, Model.HousingCategory.Locataire), HeadlineKind.Share),
                new("share_sans_domicile", "Part de personnes sans domicile", Share(Current, Model.HousingCategory.SansDomicile), Share(Compared, Model.HousingCategory.SansDomicile), HeadlineKind.Share),
                new("share_zero_income", "Foyers sans aucun revenu déclaré", Current.Income.ShareZero, Compared?.Income.ShareZero, HeadlineKind.Share),
                new("median_income", "Revenu annuel médian des foyers qui en ont (€)", Current.Income.Median, Compared?.Income.Median, HeadlineKind.Amount),
            ];
        }
    }

    /// <summary>All tables of the report, the audit first.</summary>
    public IReadOnlyList<Table> Tables => [AuditTable, .. Current.Tables];
}

/// <summary>The audit as a table: read, each rejection reason, each rule, outside the period, kept.</summary>
public static class AuditTables
{
    public static Table Of(CleaningAudit audit, long? outsidePeriod, long kept)
    {
        var rows = audit.Steps.Where(s => s.Step != "kept").Select(s => new object?[] { s.Step, s.Situations, s.Description }).ToList();
        if (outsidePeriod is { } outside)
        {
            rows.Add(["outside-period", outside, "situation conservée mais hors de la période du rapport"]);
        }

        rows.Add(["kept", kept, "situations analysées"]);
        return new Table("audit", [Column.Text("step"), Column.Number("situations"), Column.Text("description")], rows);
    }
}
