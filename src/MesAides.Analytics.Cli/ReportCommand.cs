using System.ComponentModel;
using System.Globalization;
using MesAides.Analytics.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MesAides.Analytics.Cli;

internal sealed class ReportCommand : Command<ReportCommand.Settings>
{
    internal sealed class Settings : InputSettings
    {
        [CommandOption("-o|--out <DIR>")]
        [Description("Output directory (default: report).")]
        public string Out { get; init; } = "report";

        [CommandOption("--from <DATE>")]
        [Description("First day of the period (YYYY-MM-DD, Paris dates).")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("Last day of the period (YYYY-MM-DD).")]
        public string? To { get; init; }

        [CommandOption("--period <PERIOD>")]
        [Description("all (default), month, quarter or year; without dates: the last one in the data.")]
        public string Period { get; init; } = "all";

        [CommandOption("--compare <WHAT>")]
        [Description("previous (default), year-ago or none.")]
        public string Compare { get; init; } = "previous";

        [CommandOption("--filosofi <CSV>")]
        [Description("INSEE Filosofi CSV (CODGEO, MEDyy) for the income correlation.")]
        public string? Filosofi { get; init; }

        [CommandOption("--visits <CSV>")]
        [Description("Matomo/Piwik export of daily visits.")]
        public string? Visits { get; init; }

        [CommandOption("--min-cell <N>")]
        [Description("Counts below N are suppressed in published outputs (default 11; 0 = off, internal use).")]
        public int MinCell { get; init; } = 11;

        [CommandOption("--lang <LANG>")]
        [Description("fr (default) or en.")]
        public string Lang { get; init; } = "fr";

        [CommandOption("--pushdown")]
        [Description("With a mongodb:// input: compute the audit, daily, housing and geography counts on the server (counts only; see docs/mongodb.md).")]
        public bool Pushdown { get; init; }

        [CommandOption("--format <LIST>")]
        [Description("Outputs among html,csv,json (default: all three).")]
        public string Format { get; init; } = "html,csv,json";

        public override ValidationResult Validate()
        {
            string[] formats = [.. Format.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            return !TryDate(From, out _) ? ValidationResult.Error($"--from: '{From}' is not a date YYYY-MM-DD")
                : !TryDate(To, out _) ? ValidationResult.Error($"--to: '{To}' is not a date YYYY-MM-DD")
                : ParsePeriod(Period) is null ? ValidationResult.Error("--period must be all, month, quarter or year")
                : ParseCompare(Compare) is null ? ValidationResult.Error("--compare must be previous, year-ago or none")
                : MinCell < 0 ? ValidationResult.Error("--min-cell must be 0 or more")
                : Lang is not ("fr" or "en") ? ValidationResult.Error("--lang must be fr or en")
                : formats.Length == 0 || formats.Any(f => f is not ("html" or "csv" or "json")) ? ValidationResult.Error("--format takes html, csv and/or json")
                : Filosofi is not null && !File.Exists(Filosofi) ? ValidationResult.Error($"--filosofi: {Filosofi}: no such file")
                : Visits is not null && !File.Exists(Visits) ? ValidationResult.Error($"--visits: {Visits}: no such file")
                : Pushdown && !Loading.Mongo.MongoUri.IsMongoUri(Input) ? ValidationResult.Error("--pushdown needs a mongodb:// input")
                : base.Validate();
        }

        public ReportOptions ToOptions()
        {
            TryDate(From, out var from);
            TryDate(To, out var to);
            var formats = Format.Split(',', StringSplitOptions.TrimEntries);
            return new ReportOptions
            {
                From = from,
                To = to,
                Period = ParsePeriod(Period)!.Value,
                Compare = ParseCompare(Compare)!.Value,
                FilosofiPath = Filosofi,
                VisitsPath = Visits,
                MinCell = MinCell,
                Language = Lang,
                WriteHtml = formats.Contains("html"),
                WriteCsv = formats.Contains("csv"),
                WriteJson = formats.Contains("json"),
            };
        }

        private static bool TryDate(string? text, out DateOnly? date)
        {
            date = null;
            if (text is null)
            {
                return true;
            }

            var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
            date = ok ? parsed : null;
            return ok;
        }

        private static PeriodKind? ParsePeriod(string text) => text switch
        {
            "all" => PeriodKind.All,
            "month" => PeriodKind.Month,
            "quarter" => PeriodKind.Quarter,
            "year" => PeriodKind.Year,
            _ => null,
        };

        private static Comparison? ParseCompare(string text) => text switch
        {
            "previous" => Comparison.Previous,
            "year-ago" => Comparison.YearAgo,
            "none" => Comparison.None,
            _ => null,
        };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions();
        var source = settings.OpenSource(options.From, options.To, settings.Pushdown);
        if (source is Loading.Mongo.MongoSituationSource mongo && settings.Pushdown)
        {
            using (mongo)
            {
                var counts = mongo.Counts();
                var written = CountsReport.Write(counts, settings.Out, options.MinCell);
                Console.Error.WriteLine(counts.Pushdown);
                Console.WriteLine($"pushdown counts: {counts.Cleaning.Kept:N0} situations kept ({counts.Cleaning}); {written.Count} tables in {Path.GetFullPath(Path.Combine(settings.Out, "tables"))}");
                return Outcome.Of(counts.Load);
            }
        }

        var progress = Console.IsErrorRedirected ? null : new Progress<ReportProgress>(p => Console.Error.Write($"\r{p.Stage} : {p.Documents:N0} documents   "));
        var result = new ReportRunner().Run(source, options, progress);
        if (!Console.IsErrorRedirected)
        {
            Console.Error.WriteLine();
        }

        Console.Error.WriteLine(result.Audit.Load);
        if (result.Audit.Load.Mapped == 0)
        {
            return Outcome.Of(result.Audit.Load);
        }

        if (result.Current.Situations == 0)
        {
            Console.Error.WriteLine($"mesaides: no situation in the period {result.Period} (after cleaning: {result.Audit.Kept:N0} kept in the input)");
            return 1;
        }

        var files = ReportFiles.Write(result, settings.Out);
        var html = files.FirstOrDefault(f => f.EndsWith(".html", StringComparison.Ordinal));
        Console.WriteLine($"{(source.IsSample ? "embedded synthetic sample: " : string.Empty)}{result.Current.Situations:N0} situations analysed "
            + $"(read {result.Audit.Load.Read:N0} = rejected {result.Audit.Load.Rejected:N0} + removed {result.Audit.Removed:N0} + outside period {result.OutsidePeriod:N0} + kept {result.Current.Situations:N0}); "
            + $"report: {Path.GetFullPath(html ?? settings.Out)}");
        return 0;
    }
}
