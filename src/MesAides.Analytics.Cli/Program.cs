using MesAides.Analytics.Cli;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("mesaides");
    config.AddCommand<ReportCommand>("report")
        .WithDescription("Writes the periodic report (offline HTML, CSV tables, summary.json) from an export or the embedded sample.");
    config.AddCommand<ExportCommand>("export")
        .WithDescription("Writes the tidy tables (situations, individuals, resources, fiscal_resources) of an export as CSV.");
    config.AddCommand<GenerateSampleCommand>("generate-sample")
        .WithDescription("Generates synthetic situations (all three storage formats, with known test data) as JSONL, JSON or BSON.");
    config.SetExceptionHandler((exception, _) =>
    {
        Console.Error.WriteLine($"mesaides: {CliErrors.Describe(exception)}");
        return CliErrors.ExitCode(exception);
    });
});
return app.Run(args);
