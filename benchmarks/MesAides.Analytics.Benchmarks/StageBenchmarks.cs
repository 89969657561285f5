using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Enrichment;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Sample;

namespace MesAides.Analytics.Benchmarks;

/// <summary>
/// One stage of the pass at a time, per document, on generated documents of the three formats (a short
/// job by default, see <see cref="Program"/>: these are for comparing changes, <c>benchmarks/run.sh</c> measures
/// the whole pass on real sizes).
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private const int Documents = 5000;

    private string _directory = string.Empty;
    private string _jsonl = string.Empty;
    private string _bson = string.Empty;
    private byte[][] _jsonLines = [];
    private byte[][] _bsonDocuments = [];
    private Situation[] _situations = [];
    private Observation[] _observations = [];
    private Geography _geography = Geography.Default;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("mesaides-bench").FullName;
        var documents = new SampleGenerator(new SampleOptions(Documents, Seed: 1), Geography.Default).Documents().ToList();
        _jsonl = Path.Combine(_directory, "situations.jsonl");
        _bson = Path.Combine(_directory, "situations.bson");
        SampleGenerator.Write(documents, _jsonl, SampleFormat.Jsonl);
        SampleGenerator.Write(documents, _bson, SampleFormat.Bson);
        _jsonLines = [.. File.ReadAllLines(_jsonl).Where(l => l.Length > 0).Select(System.Text.Encoding.UTF8.GetBytes)];
        _bsonDocuments = [.. documents.Select(d => MongoDB.Bson.BsonExtensionMethods.ToBson(d))];
        var source = SituationSource.Open(_jsonl, new LoadOptions(1));
        _situations = [.. source.Stream(source.NewAudit())];
        _geography = Geography.Default;
        var enricher = new Enricher(_geography);
        var run = Cleaner.Default.Start(source.NewAudit());
        _observations = [.. _situations.Where(run.Keep).Select(enricher.Enrich)];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>Read + split + parse + map a JSON lines file, one worker.</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public int LoadJsonl() => Count(SituationSource.Open(_jsonl, new LoadOptions(1)));

    /// <summary>Read + split + map a BSON dump, one worker.</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public int LoadBson() => Count(SituationSource.Open(_bson, new LoadOptions(1)));

    /// <summary>JSON parsing alone (the DOM the mapper walks).</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public int ParseJson()
    {
        var n = 0;
        foreach (var line in _jsonLines)
        {
            using var document = JsonDocument.Parse(line);
            n += document.RootElement.GetArrayLengthOrZero();
        }

        return n;
    }

    /// <summary>
    /// Parse + map one JSON document through the public <see cref="JsonNode"/> over a <see cref="JsonDocument"/>
    /// (what a notebook can call); the report's own path reads a lighter internal token list, measured by <see cref="LoadJsonl"/>.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public int MapJsonDocument()
    {
        var n = 0;
        long ordinal = 0;
        foreach (var line in _jsonLines)
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                n += SituationMapper.Map(new JsonNode(document.RootElement), ++ordinal).Individuals.Length;
            }
            catch (MappingException)
            {
                n--;
            }
        }

        return n;
    }

    /// <summary>Map one BSON document in place.</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public int MapBson()
    {
        var n = 0;
        long ordinal = 0;
        foreach (var document in _bsonDocuments)
        {
            try
            {
                n += SituationMapper.Map(BsonNode.Root(document), ++ordinal).Individuals.Length;
            }
            catch (MappingException)
            {
                n--;
            }
        }

        return n;
    }

    /// <summary>The cleaning rules, in input order (duplicates need it).</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public int Clean()
    {
        var run = Cleaner.Default.Start(new LoadAudit("bench"));
        var kept = 0;
        foreach (var situation in _situations)
        {
            kept += run.Keep(situation) ? 1 : 0;
        }

        return kept;
    }

    /// <summary>Commune resolution of each kept situation.</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public int Enrich()
    {
        var n = 0;
        foreach (var situation in _situations)
        {
            n += (int)_geography.Resolve(situation.Household).Resolution;
        }

        return n;
    }

    /// <summary>Every analysis of the report (<see cref="Study"/>) fed the kept observations (results not computed).</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public Study Aggregate()
    {
        var study = new Study(_geography);
        foreach (var observation in _observations)
        {
            study.Add(observation);
        }

        return study;
    }

    private static int Count(SituationSource source)
    {
        var n = 0;
        foreach (var situation in source.Stream(source.NewAudit()))
        {
            n += situation.Individuals.Length;
        }

        return n;
    }
}

internal static class JsonElementExtensions
{
    public static int GetArrayLengthOrZero(this JsonElement element) => element.ValueKind == JsonValueKind.Array ? element.GetArrayLength() : 1;
}
