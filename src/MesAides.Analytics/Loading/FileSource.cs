using System.Buffers.Binary;

namespace MesAides.Analytics.Loading;

/// <summary>Files on disk (or an embedded resource), each read as a stream of raw documents.</summary>
internal class FileSource(string name, IReadOnlyList<(string Name, Func<Stream> Open)> inputs, LoadOptions? options)
    : SituationSource(options)
{
    public override string Name => name;

    public static SituationSource Create(string path, LoadOptions? options)
    {
        if (Directory.Exists(path))
        {
            if (File.Exists(Path.Combine(path, CsvTables.SituationsFile)))
            {
                return new CsvTablesSource(path, options);
            }

            var dumps = Directory.EnumerateFiles(path, "*.bson", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) is "situations.bson" or "simulations.bson")
                .Order(StringComparer.Ordinal)
                .ToList();
            if (dumps.Count == 0)
            {
                throw new FileNotFoundException($"{path}: no situations.bson or simulations.bson (mongodump) and no {CsvTables.SituationsFile} in this directory", path);
            }

            return new FileSource(path, [.. dumps.Select(f => (f, (Func<Stream>)(() => InputStreams.Open(f))))], options);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file or directory", path);
        }

        if (Path.GetFileName(path) == CsvTables.SituationsFile)
        {
            return new CsvTablesSource(Path.GetDirectoryName(Path.GetFullPath(path))!, options);
        }

        return new FileSource(path, [(path, () => InputStreams.Open(path))], options);
    }

    public override IEnumerable<MapResult> ReadAll()
    {
        foreach (var (input, open) in inputs)
        {
            using var stream = new PeekStream(open());
            var batches = Sniff(stream.Peek()) switch
            {
                DocumentEncoding.Bson => BsonReader.Read(stream, input),
                _ => JsonReaders.Read(stream, input),
            };
            foreach (var result in DocumentPipeline.Map(batches, Options.Workers))
            {
                yield return result;
            }
        }
    }

    /// <summary>JSON starts with <c>{</c> or <c>[</c>; BSON with a little-endian length whose high bytes are 0.</summary>
    internal static DocumentEncoding Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 5)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(head);
            var looksBson = length >= 5 && length <= BsonReader.MaxDocumentBytes && head[3] == 0;
            if (looksBson && head[0] != '{' && head[0] != '[' && head[0] != ' ' && head[0] != '\n')
            {
                return DocumentEncoding.Bson;
            }

            // '{' (123) as a length byte: BSON if the next bytes are the rest of a small length.
            if (looksBson && head[1] == 0 && head[2] == 0)
            {
                return DocumentEncoding.Bson;
            }
        }

        return DocumentEncoding.Json;
    }
}

/// <summary>The generated sample committed under <c>data/sample/</c> and embedded in the library.</summary>
internal sealed class EmbeddedSample(LoadOptions? options)
    : FileSource(SampleName, [(ResourceName, OpenResource)], options)
{
    public const string SampleName = "embedded synthetic sample (generated, not real users)";
    public const string ResourceName = "MesAides.Analytics.Sample.situations.jsonl.gz";

    public override bool IsSample => true;

    private static Stream OpenResource()
    {
        var stream = typeof(EmbeddedSample).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("the embedded sample is missing from this build (data/sample/situations.jsonl.gz)");
        return InputStreams.Decompress(stream);
    }
}
