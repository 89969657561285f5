using MesAides.Analytics.Loading;
using MesAides.Analytics.Loading.Mongo;
using Spectre.Console.Cli;

namespace MesAides.Analytics.Cli;

/// <summary>One-line reasons and exit codes: 2 for bad usage or a missing input, 1 for unreadable input.</summary>
internal static class CliErrors
{
    public static string Describe(Exception exception) => exception switch
    {
        CommandAppException e => e.Message,
        FileNotFoundException or DirectoryNotFoundException => exception.Message,
        LoadException e => "strict mode: " + e.Rejection,
        _ => exception.Message,
    };

    public static int ExitCode(Exception exception) => exception switch
    {
        CommandAppException or FileNotFoundException or DirectoryNotFoundException or ArgumentException => 2,
        MongoSourceException { Failure: MongoFailure.InvalidConnectionString } => 2,
        _ => 1,
    };
}

/// <summary>Options every verb that reads situations shares.</summary>
internal class InputSettings : CommandSettings
{
    [CommandOption("-i|--input <PATH>")]
    [System.ComponentModel.Description("Export to read: situations.bson, a dump directory, JSON/JSONL (.gz), or a directory of CSV tables. Default: the embedded synthetic sample.")]
    public string? Input { get; init; }

    [CommandOption("--collection <NAME>")]
    [System.ComponentModel.Description("With a mongodb:// input: the collection (situations for 2014–2021 data, simulations after), unless the URI names it.")]
    public string? Collection { get; init; }

    [CommandOption("--strict")]
    [System.ComponentModel.Description("Stop at the first unreadable document instead of counting it.")]
    public bool Strict { get; init; }

    [CommandOption("--workers <N>")]
    [System.ComponentModel.Description("Parser threads (default: the number of cores; 1 reads sequentially).")]
    public int? Workers { get; init; }

    public SituationSource OpenSource(DateOnly? from = null, DateOnly? to = null, bool pushdown = false)
    {
        var options = new LoadOptions(Workers ?? Environment.ProcessorCount, Strict);
        if (Input is null)
        {
            return SituationSource.Sample(options);
        }

        // The period goes into the server's query; the rest of the pipeline is the same as for files.
        return MongoUri.IsMongoUri(Input)
            ? MongoSituationSource.Open(Input, new MongoSourceOptions { Collection = Collection, From = from, To = to, Pushdown = pushdown }, options)
            : SituationSource.Open(Input, options);
    }

    public override Spectre.Console.ValidationResult Validate() =>
        Workers is < 1 ? Spectre.Console.ValidationResult.Error("--workers must be at least 1")
        : Collection is not null && !MongoUri.IsMongoUri(Input) ? Spectre.Console.ValidationResult.Error("--collection goes with a mongodb:// input")
        : base.Validate();
}
