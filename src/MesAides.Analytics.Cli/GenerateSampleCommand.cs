using System.ComponentModel;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Sample;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MesAides.Analytics.Cli;

internal sealed class GenerateSampleCommand : Command<GenerateSampleCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-n|--count <N>")]
        [Description("Number of documents (default 5000).")]
        public int Count { get; init; } = 5000;

        [CommandOption("--seed <S>")]
        [Description("Seed: the same seed gives the same bytes (default 2016).")]
        public int Seed { get; init; } = 2016;

        [CommandOption("-f|--format <FORMAT>")]
        [Description("jsonl (default), json or bson.")]
        public string Format { get; init; } = "jsonl";

        [CommandOption("-o|--out <PATH>")]
        [Description("Output file; .gz compresses (default: situations.jsonl.gz, or situations.bson for bson).")]
        public string? Out { get; init; }

        public SampleFormat ParsedFormat => Enum.Parse<SampleFormat>(Format, ignoreCase: true);

        public override ValidationResult Validate() =>
            Count < 1 ? ValidationResult.Error("--count must be at least 1")
            : !Enum.TryParse<SampleFormat>(Format, ignoreCase: true, out _) ? ValidationResult.Error("--format must be jsonl, json or bson")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.ParsedFormat;
        var path = settings.Out ?? (format == SampleFormat.Bson ? "situations.bson" : $"situations.{format.ToString().ToLowerInvariant()}.gz");
        var generator = new SampleGenerator(new SampleOptions(settings.Count, settings.Seed), Geography.Default);
        SampleGenerator.Write(generator.Documents(), path, format);
        var manifest = generator.Manifest;
        Console.Error.WriteLine("synthetic data (generated, not real users): "
            + string.Join(", ", manifest.Injected.Select(p => $"{p.Key} {p.Value}")) + $", clean {manifest.Clean}");
        Console.WriteLine($"wrote {manifest.Documents:N0} synthetic situations to {Path.GetFullPath(path)}");
        return 0;
    }
}
