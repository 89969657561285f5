using MesAides.Analytics.Model;

namespace MesAides.Analytics.Loading;

/// <summary>
/// Where situations come from: an export file or directory (BSON dump, Extended JSON, CSV tables,
/// gzip or not), the embedded synthetic sample, or a live database. Sources stream: a document at a time.
/// </summary>
public abstract class SituationSource(LoadOptions? options)
{
    protected LoadOptions Options { get; } = options ?? LoadOptions.Default;

    /// <summary>What the user reads in audits and reports (connection strings redacted).</summary>
    public abstract string Name { get; }

    /// <summary>True for the embedded synthetic sample, which every output must label as such.</summary>
    public virtual bool IsSample => false;

    /// <summary>
    /// Opens a file, a dump directory or a directory of CSV tables (format detected from content), or a
    /// <c>mongodb://</c> / <c>mongodb+srv://</c> URI (database and collection in its path).
    /// </summary>
    public static SituationSource Open(string path, LoadOptions? options = null) =>
        Mongo.MongoUri.IsMongoUri(path) ? Mongo.MongoSituationSource.Open(path, loadOptions: options) : FileSource.Create(path, options);

    /// <summary>The embedded, generated, deterministic sample (synthetic data, not real users).</summary>
    public static SituationSource Sample(LoadOptions? options = null) => new EmbeddedSample(options);

    /// <summary>Every document read, mapped or rejected, in input order.</summary>
    public abstract IEnumerable<MapResult> ReadAll();

    public LoadAudit NewAudit() => new(Name);

    /// <summary>Streams the mapped situations, recording every document in <paramref name="audit"/>.</summary>
    public IEnumerable<Situation> Stream(LoadAudit audit)
    {
        foreach (var result in ReadAll())
        {
            audit.Record(result);
            if (result.Situation is { } situation)
            {
                yield return situation;
            }
            else if (Options.Strict)
            {
                throw new LoadException(result.Rejection!);
            }
        }
    }

    /// <summary>Reads everything into memory (for notebooks and small inputs).</summary>
    public LoadResult Load()
    {
        var audit = NewAudit();
        var situations = Stream(audit).ToList();
        return new LoadResult(situations, audit);
    }

    public Task<LoadResult> LoadAsync(CancellationToken cancellationToken = default) => Task.Run(Load, cancellationToken);

    public override string ToString() => Name;
}

/// <summary>Situations in memory with the audit of their loading.</summary>
public sealed record LoadResult(IReadOnlyList<Situation> Situations, LoadAudit Audit);
