using System.Globalization;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Enrichment;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace MesAides.Analytics.Loading.Mongo;

/// <summary>
/// Situations read from a live MongoDB collection (format A/B in <c>situations</c>, C in <c>simulations</c>).
/// Reads only (<c>find</c>, <c>aggregate</c> without <c>$out</c>/<c>$merge</c>, <c>listCollections</c>), in
/// <c>_id</c> order, with the period and the status filter in the query and only the fields the mapper reads.
/// Documents arrive as raw BSON and go through the same mapper and pipeline as a <c>mongodump</c> file.
/// </summary>
public sealed class MongoSituationSource : SituationSource, IDisposable
{
    private const string Comment = "mesaides-analytics (read-only)";

    private readonly MongoClient _client;
    private readonly IMongoCollection<RawBsonDocument> _raw;
    private readonly IMongoCollection<BsonDocument> _documents;

    private MongoSituationSource(MongoUri uri, string database, string collection, MongoSourceOptions options, LoadOptions? loadOptions, MongoClient client)
        : base(loadOptions)
    {
        Uri = uri;
        Database = database;
        Collection = collection;
        MongoOptions = options;
        _client = client;
        var db = client.GetDatabase(database);
        _raw = db.GetCollection<RawBsonDocument>(collection);
        _documents = db.GetCollection<BsonDocument>(collection);
        Name = Describe(uri, database, collection, options);
    }

    /// <summary>The connection string as given (its <see cref="MongoUri.Redacted"/> form is the one to show).</summary>
    public MongoUri Uri { get; }

    public string Database { get; }

    public string Collection { get; }

    public MongoSourceOptions MongoOptions { get; }

    /// <summary>Redacted URI, <c>database.collection</c>, and the server-side filter if any.</summary>
    public override string Name { get; }

    /// <summary>
    /// Connects, checks that the collection exists (a clear error otherwise) and returns the source. The
    /// database comes from the options or the URI path; the collection from the options, the URI path
    /// (<c>/dds.situations</c>), else <c>situations</c> or <c>simulations</c>, whichever exists.
    /// </summary>
    /// <exception cref="MongoSourceException">Invalid URI, authentication failure, unreachable host, unknown collection.</exception>
    public static MongoSituationSource Open(string uri, MongoSourceOptions? options = null, LoadOptions? loadOptions = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        options ??= MongoSourceOptions.Default;
        options.Validate();
        MongoUri parsed;
        MongoClientSettings settings;
        try
        {
            parsed = MongoUri.Parse(uri);
            settings = MongoClientSettings.FromConnectionString(parsed.DriverUri);
        }
        catch (Exception e) when (e is ArgumentException or MongoConfigurationException or FormatException)
        {
            throw new MongoSourceException(MongoFailure.InvalidConnectionString,
                $"invalid connection string {ConnectionStrings.Redact(uri)}: {ConnectionStrings.RedactIn(e.Message, uri)}");
        }

        settings.ApplicationName ??= "mesaides-analytics";
        if (options.ReadPreference is { } mode)
        {
            settings.ReadPreference = new ReadPreference(mode);
        }
        else if (!HasOption(parsed.DriverUri, "readPreference"))
        {
            settings.ReadPreference = ReadPreference.SecondaryPreferred;
        }

        if (!HasOption(parsed.DriverUri, "serverSelectionTimeoutMS"))
        {
            // Fail (and retry) within seconds when the host is wrong, not after the driver's 30 s.
            settings.ServerSelectionTimeout = TimeSpan.FromSeconds(10);
        }

        var database = options.Database ?? parsed.Database
            ?? throw new MongoSourceException(MongoFailure.InvalidConnectionString,
                $"no database in {parsed.Redacted}: name it in the path (mongodb://host/dds) or in the options");
        var client = new MongoClient(settings);
        try
        {
            var collection = ResolveCollection(client.GetDatabase(database), parsed, database, options.Collection ?? parsed.Collection, options);
            return new MongoSituationSource(parsed, database, collection, options, loadOptions, client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public override IEnumerable<MapResult> ReadAll() => DocumentPipeline.Map(ReadBatches(MongoQueries.Filter(MongoOptions)), Options.Workers);

    /// <summary>
    /// The audits, daily, housing and geography counts: with <see cref="MongoSourceOptions.Pushdown"/> computed by
    /// aggregations on the server (see <see cref="PushdownAudit"/>), otherwise by reading every document.
    /// Both give the same values.
    /// </summary>
    public SituationCounts Counts(Cleaner? cleaner = null, Enricher? enricher = null) =>
        MongoOptions.Pushdown ? Pushdown(cleaner, enricher) : SituationCounts.Compute(this, cleaner, enricher);

    /// <summary>The counts computed on the server (see <see cref="MongoPushdown"/>).</summary>
    public SituationCounts Pushdown(Cleaner? cleaner = null, Enricher? enricher = null) =>
        MongoPushdown.Run(this, cleaner ?? Cleaner.Default, enricher ?? Enricher.Default);

    public void Dispose() => _client.Dispose();

    internal int Workers => Options.Workers;

    /// <summary>Raw documents of <paramref name="filter"/> in <c>_id</c> order, batched for the mapping pipeline; resumes after the last id on transient errors.</summary>
    internal IEnumerable<RawBatch> ReadBatches(BsonDocument filter)
    {
        BsonValue? last = null;
        long ordinal = 0;
        var failures = 0;
        IAsyncCursor<RawBsonDocument>? cursor = null;
        try
        {
            while (true)
            {
                List<RawBsonDocument>? documents;
                try
                {
                    cursor ??= _raw.FindSync(last is null ? filter : new BsonDocument("$and", new BsonArray { filter, MongoQueries.After(last) }), FindOptions());
                    documents = cursor.MoveNext() ? [.. cursor.Current] : null;
                    failures = 0;
                }
                catch (Exception e) when (MongoErrors.IsTransient(e) && MongoOptions.Retry.ShouldRetry(++failures))
                {
                    cursor?.Dispose();
                    cursor = null;
                    var delay = MongoOptions.Retry.DelayAfter(failures);
                    Log($"reading {Name}: {Translate(e).Message}; try {failures + 1} of {MongoOptions.Retry.MaxAttempts} in {delay.TotalSeconds:0.#} s, after the last _id read");
                    MongoOptions.Retry.Sleep(delay);
                    continue;
                }
                catch (Exception e) when (e is MongoException or TimeoutException)
                {
                    throw Translate(e);
                }

                if (documents is null)
                {
                    break;
                }

                var batch = new RawBatch(DocumentEncoding.Bson);
                foreach (var document in documents)
                {
                    using (document)
                    {
                        ordinal++;
                        var id = document.GetValue("_id", BsonNull.Value);
                        last = id is RawBsonDocument nested ? BsonSerializer.Deserialize<BsonDocument>(nested.ToBson()) : id;
                        Add(batch, document, ordinal, new DocumentLocation($"{Name} _id {IdText(id)}", LocationKind.Document, ordinal));
                    }
                }

                yield return batch;
            }
        }
        finally
        {
            cursor?.Dispose();
        }
    }

    /// <summary>Runs an aggregation and returns its (small: grouped) result.</summary>
    internal List<BsonDocument> Aggregate(IReadOnlyList<BsonDocument> pipeline, string what)
    {
        var options = new AggregateOptions
        {
            AllowDiskUse = true, // groups by day or commune over millions of documents may exceed 100 MB
            BatchSize = MongoOptions.BatchSize,
            MaxTime = MongoOptions.MaxTime,
            Comment = Comment,
        };
        return Run(what, () => _documents.Aggregate(PipelineDefinition<BsonDocument, BsonDocument>.Create(pipeline), options).ToList());
    }

    /// <summary>A small query (ids only), read whole.</summary>
    internal List<BsonDocument> Find(BsonDocument filter, BsonDocument projection, string what)
    {
        var options = new FindOptions<BsonDocument>
        {
            Projection = projection,
            Sort = MongoQueries.Sort,
            BatchSize = MongoOptions.BatchSize,
            MaxTime = MongoOptions.MaxTime,
            Comment = Comment,
        };
        return Run(what, () => _documents.FindSync(filter, options).ToList());
    }

    internal void Log(string message) => MongoOptions.Log?.Invoke(message);

    private FindOptions<RawBsonDocument> FindOptions() => new()
    {
        Projection = MongoQueries.Projection,
        Sort = MongoQueries.Sort,
        BatchSize = MongoOptions.BatchSize,
        MaxTime = MongoOptions.MaxTime,
        Comment = Comment,
    };

    private T Run<T>(string what, Func<T> operation)
    {
        try
        {
            return MongoOptions.Retry.Run(operation, MongoErrors.IsTransient, (failures, delay, e) =>
                Log($"{what} on {Name}: {Translate(e).Message}; try {failures + 1} of {MongoOptions.Retry.MaxAttempts} in {delay.TotalSeconds:0.#} s"));
        }
        catch (Exception e) when (e is MongoException or TimeoutException)
        {
            throw Translate(e);
        }
    }

    private MongoSourceException Translate(Exception e) => MongoErrors.Translate(e, Uri, Database, Collection);

    private static void Add(RawBatch batch, RawBsonDocument document, long ordinal, DocumentLocation location)
    {
        var slice = document.Slice;
        var segment = slice.AccessBackingBytes(0);
        if (segment.Count >= slice.Length)
        {
            batch.Add(segment.AsSpan(0, slice.Length), ordinal, location);
            return;
        }

        var copy = new byte[slice.Length];
        slice.GetBytes(0, copy, 0, copy.Length);
        batch.Add(copy, ordinal, location);
    }

    private static string IdText(BsonValue id) => id switch
    {
        BsonObjectId o => o.Value.ToString(),
        BsonString s => Fields.Clip(s.Value),
        _ => id.BsonType.ToString(),
    };

    private static string ResolveCollection(IMongoDatabase database, MongoUri uri, string databaseName, string? wanted, MongoSourceOptions options)
    {
        var candidates = wanted is null ? new[] { "situations", "simulations" } : [wanted];
        List<string> found;
        try
        {
            found = options.Retry.Run(
                () => database.ListCollectionNames(new ListCollectionNamesOptions { Filter = new BsonDocument("name", new BsonDocument("$in", new BsonArray(candidates))) }).ToList(),
                MongoErrors.IsTransient,
                (failures, delay, e) => options.Log?.Invoke($"listing collections of {databaseName} on {uri.Redacted}: {MongoErrors.Translate(e, uri).Message}; try {failures + 1} of {options.Retry.MaxAttempts}"));
        }
        catch (MongoCommandException e) when (e.Code == 13)
        {
            // A user may read a collection without the right to list them: let the read itself tell.
            options.Log?.Invoke($"cannot list the collections of {databaseName} (not authorized): reading {wanted ?? "situations"} unchecked");
            return wanted ?? "situations";
        }
        catch (Exception e) when (e is MongoException or TimeoutException)
        {
            throw MongoErrors.Translate(e, uri, databaseName, wanted);
        }

        var collection = candidates.FirstOrDefault(found.Contains);
        if (collection is not null)
        {
            return collection;
        }

        List<string> existing;
        try
        {
            existing = database.ListCollectionNames().ToList();
        }
        catch (Exception e) when (e is MongoException or TimeoutException)
        {
            existing = [];
        }

        throw MongoErrors.UnknownCollection(uri, databaseName, wanted ?? "situations (nor simulations)", existing);
    }

    private static bool HasOption(string uri, string option)
    {
        var query = uri.IndexOf('?', StringComparison.Ordinal);
        return query >= 0 && uri[(query + 1)..].Split('&', ';')
            .Any(pair => pair.Split('=', 2)[0].Trim().Equals(option, StringComparison.OrdinalIgnoreCase));
    }

    internal static string Describe(MongoUri uri, string database, string collection, MongoSourceOptions options)
    {
        var conditions = new List<string>();
        if (options.From is not null || options.To is not null)
        {
            conditions.Add(string.Create(CultureInfo.InvariantCulture, $"dateDeValeur {options.From:yyyy-MM-dd}..{options.To:yyyy-MM-dd} (Paris)"));
        }

        if (!options.ExcludeStatuses.IsDefaultOrEmpty)
        {
            conditions.Add($"status not in {string.Join(", ", options.ExcludeStatuses)}");
        }

        var where = conditions.Count == 0 ? string.Empty : $" where {string.Join(" and ", conditions)}";
        return $"{uri.Redacted} {database}.{collection}{where}";
    }
}
