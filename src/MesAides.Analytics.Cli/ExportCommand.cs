using System.ComponentModel;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Tables;
using Spectre.Console.Cli;

namespace MesAides.Analytics.Cli;

internal sealed class ExportCommand : Command<ExportCommand.Settings>
{
    internal sealed class Settings : InputSettings
    {
        [CommandOption("-o|--out <DIR>")]
        [Description("Directory for the CSV tables (default: export).")]
        public string Out { get; init; } = "export";

        [CommandOption("--clean")]
        [Description("Apply the cleaning rules before writing (default: every mapped situation).")]
        public bool Clean { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var source = settings.OpenSource();
        var load = source.NewAudit();
        var run = Cleaner.Default.Start(load);
        using (var writer = new TidyTablesWriter(settings.Out))
        {
            foreach (var situation in source.Stream(load))
            {
                if (!settings.Clean || run.Keep(situation))
                {
                    writer.Write(situation);
                }
            }

            Console.Error.WriteLine(load);
            foreach (var rejection in load.Samples.Take(10))
            {
                Console.Error.WriteLine("  " + rejection);
            }

            if (settings.Clean)
            {
                Console.Error.WriteLine("cleaning: " + run.Audit);
            }

            Console.WriteLine($"wrote {writer.Written:N0} situations to {Path.GetFullPath(settings.Out)}");
        }

        return Outcome.Of(load);
    }
}

internal static class Outcome
{
    /// <summary>Non-zero only when nothing at all could be read.</summary>
    public static int Of(Loading.LoadAudit load)
    {
        if (load.Mapped > 0)
        {
            return 0;
        }

        Console.Error.WriteLine(load.Read == 0 ? "mesaides: the input holds no document" : "mesaides: no document of the input could be read");
        return 1;
    }
}
