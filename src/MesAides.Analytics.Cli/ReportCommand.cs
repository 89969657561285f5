using Spectre.Console.Cli;

namespace MesAides.Analytics.Cli;

internal sealed class ReportCommand : Command<InputSettings>
{
    public override int Execute(CommandContext context, InputSettings settings, CancellationToken cancellationToken)
    {
        var source = settings.OpenSource();
        var load = source.NewAudit();
        var run = Cleaning.Cleaner.Default.Start(load);
        foreach (var situation in source.Stream(load))
        {
            run.Keep(situation);
        }

        Console.Error.WriteLine(source.Name);
        Console.Error.WriteLine(load);
        Console.WriteLine("cleaning: " + run.Audit);
        return Outcome.Of(load);
    }
}
