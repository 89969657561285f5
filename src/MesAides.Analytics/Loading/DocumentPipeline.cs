using System.Text.Json;

namespace MesAides.Analytics.Loading;

/// <summary>
/// Parses and maps raw batches on worker threads while the reader goes on, and hands the results back
/// <b>in input order</b>: every batch gets a slot in a bounded first-in first-out queue, workers fill slots in
/// any order, the consumer empties them in order. The order keeps every later stage (duplicates, audit,
/// tables) deterministic whatever the number of workers.
/// </summary>
/// <remarks>
/// Dedicated threads that block on monitors, not thread-pool tasks: on a 2-core machine, thread-pool
/// workers and task waits spun for a quarter of the CPU time. The consumer maps a pending batch itself
/// while the one it needs next is still being mapped, so no core idles when the consumer is ahead.
/// </remarks>
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
        using var pipeline = new Pipeline(batches, workers);
        while (pipeline.Next() is { } results)
        {
            foreach (var result in results)
            {
                yield return result;
            }
        }
    }

    /// <summary>One batch on its way: mapped by whoever takes it first, read by the consumer in order.</summary>
    private sealed class Slot(RawBatch batch)
    {
        public RawBatch Batch { get; } = batch;

        public MapResult[]? Results { get; set; }

        public Exception? Error { get; set; }

        public bool Done { get; set; }
    }

    /// <summary>The reader thread, the worker threads and the two queues they share under one lock.</summary>
    private sealed class Pipeline : IDisposable
    {
        private readonly object _gate = new();
        private readonly Queue<Slot> _ordered = new();
        private readonly Queue<Slot> _work = new();
        private readonly int _capacity;
        private readonly Thread _reader;
        private readonly Thread[] _workers;
        private bool _readerDone;
        private Exception? _readerError;
        private bool _stopping;

        public Pipeline(IEnumerable<RawBatch> batches, int workers)
        {
            // Batches in flight (about 1 MiB each, plus their results): enough to keep every thread busy, no more.
            _capacity = (workers * 2) + 1;
            _reader = new Thread(() => Read(batches)) { IsBackground = true, Name = "mesaides reader" };
            _workers = new Thread[workers - 1];
            for (var i = 0; i < _workers.Length; i++)
            {
                _workers[i] = new Thread(Work) { IsBackground = true, Name = "mesaides mapper" };
            }

            _reader.Start();
            foreach (var worker in _workers)
            {
                worker.Start();
            }
        }

        private void Read(IEnumerable<RawBatch> batches)
        {
            try
            {
                foreach (var batch in batches)
                {
                    lock (_gate)
                    {
                        while (_ordered.Count >= _capacity && !_stopping)
                        {
                            Monitor.Wait(_gate);
                        }

                        if (_stopping)
                        {
                            batch.Dispose();
                            return;
                        }

                        var slot = new Slot(batch);
                        _ordered.Enqueue(slot);
                        _work.Enqueue(slot);
                        Monitor.PulseAll(_gate);
                    }
                }
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _readerError = e;
                }
            }
            finally
            {
                lock (_gate)
                {
                    _readerDone = true;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        private void Work()
        {
            while (true)
            {
                Slot slot;
                lock (_gate)
                {
                    while (_work.Count == 0 && !_readerDone && !_stopping)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_stopping || (_work.Count == 0 && _readerDone))
                    {
                        return;
                    }

                    slot = _work.Dequeue();
                }

                Run(slot);
            }
        }

        /// <summary>Maps a slot's batch outside the lock and publishes the outcome.</summary>
        private void Run(Slot slot)
        {
            MapResult[]? results = null;
            Exception? error = null;
            try
            {
                results = MapBatch(slot.Batch);
            }
            catch (Exception e)
            {
                error = e;
            }

            lock (_gate)
            {
                slot.Results = results;
                slot.Error = error;
                slot.Done = true;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>The next batch's results in input order, or null at the end.</summary>
        public MapResult[]? Next()
        {
            while (true)
            {
                Slot? help = null;
                lock (_gate)
                {
                    if (_ordered.Count == 0)
                    {
                        if (_readerDone)
                        {
                            if (_readerError is { } error)
                            {
                                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
                            }

                            return null;
                        }

                        Monitor.Wait(_gate);
                        continue;
                    }

                    var head = _ordered.Peek();
                    if (head.Done)
                    {
                        _ordered.Dequeue();
                        Monitor.PulseAll(_gate);
                        if (head.Error is { } error)
                        {
                            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
                        }

                        return head.Results;
                    }

                    if (_work.Count > 0)
                    {
                        // Rather than wait, map a pending batch (the head itself when nobody has taken it yet).
                        help = _work.Dequeue();
                    }
                    else
                    {
                        Monitor.Wait(_gate);
                        continue;
                    }
                }

                Run(help);
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _stopping = true;
                Monitor.PulseAll(_gate);
            }

            // The consumer may stop early (strict mode, a caller's Take): let every thread stop, then give back
            // the buffers of the batches nobody will map.
            _reader.Join(TimeSpan.FromSeconds(30));
            foreach (var worker in _workers)
            {
                worker.Join(TimeSpan.FromSeconds(30));
            }

            lock (_gate)
            {
                while (_work.Count > 0)
                {
                    _work.Dequeue().Batch.Dispose();
                }
            }
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

            // A token list of the thread's own instead of a JsonDocument: same reader, same errors, less work.
            return MapResult.Of(SituationMapper.Map(JsonTape.Parse(bytes, JsonMaxDepth), entry.Ordinal));
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

    private const int JsonMaxDepth = 128;

    /// <summary>The parser's message without the offending bytes: position only.</summary>
    private static string JsonMessage(JsonException e) =>
        e.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || e.InnerException is System.Text.DecoderFallbackException
            ? $"invalid UTF-8 at byte {e.BytePositionInLine} of the document"
            : $"not valid JSON at byte {e.BytePositionInLine} of the document (line {e.LineNumber + 1} of it)";
}
