using System.Text.Json;
using System.Threading.Channels;

namespace MesAides.Analytics.Loading;

/// <summary>
/// Parses and maps raw batches on worker threads while the reader goes on, and hands the results back
/// <b>in input order</b>: a bounded channel of pending batch tasks, consumed first-in first-out. The order
/// keeps every later stage (duplicates, audit, tables) deterministic whatever the number of workers.
/// </summary>
internal static class DocumentPipeline
{
    public static IEnumerable<MapResult> Map(IEnumerable<RawBatch> batches, int workers)
    {
        return workers <= 1 ? Sequential(batches) : Parallel(batches, workers);
    }

    private static IEnumerable<MapResult> Sequential(IEnumerable<RawBatch> batches)
    {
        foreach (var batch in batches)
        {
            foreach (var result in MapBatch(batch))
            {
                yield return result;
            }
        }
    }

    private static IEnumerable<MapResult> Parallel(IEnumerable<RawBatch> batches, int workers)
    {
        var pending = Channel.CreateBounded<Task<MapResult[]>>(new BoundedChannelOptions(workers * 2)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() => Produce(batches, pending.Writer, stop.Token));
        try
        {
            while (pending.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (pending.Reader.TryRead(out var task))
                {
                    foreach (var result in task.GetAwaiter().GetResult())
                    {
                        yield return result;
                    }
                }
            }

            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // The consumer may stop early (strict mode, a caller's Take): let the reader stop too.
            stop.Cancel();
            while (pending.Reader.TryRead(out _))
            {
            }

            try
            {
                producer.Wait(TimeSpan.FromSeconds(30));
            }
            catch (AggregateException)
            {
                // Already reported through the consumer, or irrelevant after an early stop.
            }
        }
    }

    private static async Task Produce(IEnumerable<RawBatch> batches, ChannelWriter<Task<MapResult[]>> writer, CancellationToken stop)
    {
        try
        {
            foreach (var batch in batches)
            {
                stop.ThrowIfCancellationRequested();
                var mapping = Task.Run(() => MapBatch(batch), CancellationToken.None);
                await writer.WriteAsync(mapping, stop).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (OperationCanceledException)
        {
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
        }
    }

    internal static MapResult[] MapBatch(RawBatch batch)
    {
        using (batch)
        {
            var results = new MapResult[batch.Entries.Count];
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = MapEntry(batch, batch.Entries[i]);
            }

            return results;
        }
    }

    private static MapResult MapEntry(RawBatch batch, RawEntry entry)
    {
        if (entry.ReadError is { } error)
        {
            return MapResult.Of(error);
        }

        var bytes = batch.Bytes(entry);
        try
        {
            if (batch.Encoding == DocumentEncoding.Bson)
            {
                if (BsonNode.Validate(bytes.Span) is { } problem)
                {
                    return MapResult.Of(new Rejection(RejectionReasons.InvalidBson, entry.Location, null, problem));
                }

                return MapResult.Of(SituationMapper.Map(BsonNode.Root(bytes), entry.Ordinal));
            }

            using var document = JsonDocument.Parse(bytes, JsonOptions);
            return MapResult.Of(SituationMapper.Map(new JsonNode(document.RootElement), entry.Ordinal));
        }
        catch (JsonException e)
        {
            return MapResult.Of(new Rejection(RejectionReasons.InvalidJson, entry.Location, null, JsonMessage(e)));
        }
        catch (MappingException e)
        {
            return MapResult.Of(new Rejection(e.Reason, entry.Location, e.Field, e.Message));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            var reason = batch.Encoding == DocumentEncoding.Bson ? RejectionReasons.InvalidBson : RejectionReasons.InvalidJson;
            return MapResult.Of(new Rejection(reason, entry.Location, null, e.Message));
        }
    }

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 128 };

    /// <summary>The parser's message without the offending bytes: position only.</summary>
    private static string JsonMessage(JsonException e) =>
        e.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || e.InnerException is System.Text.DecoderFallbackException
            ? $"invalid UTF-8 at byte {e.BytePositionInLine} of the document"
            : $"not valid JSON at byte {e.BytePositionInLine} of the document (line {e.LineNumber + 1} of it)";
}
