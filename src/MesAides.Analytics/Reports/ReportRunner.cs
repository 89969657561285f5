using MesAides.Analytics.Analyses;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Reference;

namespace MesAides.Analytics.Reports;

/// <summary>Progress of a run, for a terminal or a notebook.</summary>
public readonly record struct ReportProgress(string Stage, long Documents);

/// <summary>
/// Load → clean → enrich → analyse in a single streaming pass; the comparison period is fed in the same
/// pass. Only when the period must be inferred from the data (<c>--period</c> without dates) is the input
/// read once more beforehand to find its last date.
/// </summary>
public sealed class ReportRunner(Geography? geography = null)
{
    private readonly Enricher _enricher = new(geography ?? Geography.Default);

    public ReportResult Run(SituationSource source, ReportOptions options, IProgress<ReportProgress>? progress = null)
    {
        var period = ResolvePeriod(source, options, progress);
        var compared = period.ComparedWith(options.Compare, options.Period);
        var inputs = new StudyInputs(
            options.FilosofiPath is { } filosofi ? Filosofi.Read(filosofi) : null,
            options.VisitsPath is { } visits ? VisitsReader.Read(visits) : null);
        var current = new Study(_enricher.Geography, inputs);
        var comparison = compared is null ? null : new Study(_enricher.Geography);
        var load = source.NewAudit();
        var cleaning = new Cleaner(options.Cleaning).Start(load);
        long outside = 0;
        DateOnly? first = null;
        DateOnly? last = null;

        foreach (var situation in source.Stream(load))
        {
            if (load.Read % 50_000 == 0)
            {
                progress?.Report(new ReportProgress("lecture", load.Read));
            }

            if (!cleaning.Keep(situation))
            {
                continue;
            }

            var date = situation.Date;
            if (period.Contains(date))
            {
                first = first is null || date < first ? date : first;
                last = last is null || date > last ? date : last;
                current.Add(_enricher.Enrich(situation));
                continue;
            }

            outside++;
            if (compared?.Contains(date) == true)
            {
                comparison!.Add(_enricher.Enrich(situation));
            }
        }

        progress?.Report(new ReportProgress("analyse", load.Read));
        return new ReportResult(source.Name, source.IsSample, options, period, compared, cleaning.Audit, outside, first, last, current.Result(), comparison?.Result());
    }

    private static ReportPeriod ResolvePeriod(SituationSource source, ReportOptions options, IProgress<ReportProgress>? progress)
    {
        if (options.From is not null || options.To is not null)
        {
            return new ReportPeriod(options.From, options.To);
        }

        if (options.Period == PeriodKind.All)
        {
            return ReportPeriod.Everything;
        }

        progress?.Report(new ReportProgress("recherche de la dernière date", 0));
        var scan = source.NewAudit();
        var run = new Cleaner(options.Cleaning).Start(scan);
        DateOnly? last = null;
        foreach (var situation in source.Stream(scan))
        {
            if (run.Keep(situation) && situation.Date is var day && (last is null || day > last))
            {
                last = day;
            }
        }

        return last is { } date ? ReportPeriod.Containing(date, options.Period) : ReportPeriod.Everything;
    }
}
