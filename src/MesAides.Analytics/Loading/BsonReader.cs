using System.Buffers.Binary;

namespace MesAides.Analytics.Loading;

/// <summary>
/// Splits a <c>mongodump</c> file (BSON documents one after another, each starting with its int32 length)
/// into documents, a window at a time: the file is never whole in memory.
/// </summary>
internal static class BsonReader
{
    /// <summary>MongoDB's own limit is 16 MiB; a larger prefix means the bytes are not BSON.</summary>
    public const int MaxDocumentBytes = 48 << 20;

    public static IEnumerable<RawBatch> Read(Stream stream, string source)
    {
        using var reader = new ByteReader(stream);
        var batch = new RawBatch(DocumentEncoding.Bson);
        long ordinal = 0;
        while (true)
        {
            var offset = reader.Consumed;
            var (outcome, message, length) = Next(reader);
            if (outcome == Outcome.End)
            {
                break;
            }

            ordinal++;
            var location = new DocumentLocation(source, LocationKind.Byte, offset);
            if (outcome == Outcome.Document)
            {
                batch.Add(reader.Window[..length], ordinal, location);
                reader.Advance(length);
            }
            else
            {
                // A broken length prefix leaves no way to find the next document: stop here, counted.
                var reason = outcome == Outcome.Truncated ? RejectionReasons.Truncated : RejectionReasons.InvalidBson;
                batch.AddError(ordinal, new Rejection(reason, location, null, message!));
                break;
            }

            if (batch.IsFull)
            {
                yield return batch;
                batch = new RawBatch(DocumentEncoding.Bson);
            }
        }

        yield return batch;
    }

    private enum Outcome
    {
        Document,
        End,
        Invalid,
        Truncated,
    }

    private static (Outcome, string?, int) Next(ByteReader reader)
    {
        try
        {
            while (reader.Window.Length < 4)
            {
                if (!reader.Fill())
                {
                    return reader.Window.IsEmpty
                        ? (Outcome.End, null, 0)
                        : (Outcome.Truncated, $"the input ends {reader.Window.Length} bytes into a document's length prefix", 0);
                }
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(reader.Window);
            if (length < 5 || length > MaxDocumentBytes)
            {
                return (Outcome.Invalid, $"a document declares {length} bytes, which is not a valid BSON length", 0);
            }

            while (reader.Window.Length < length)
            {
                if (!reader.Fill())
                {
                    return (Outcome.Truncated, $"a document declares {length} bytes but the input ends after {reader.Window.Length}", 0);
                }
            }

            return (Outcome.Document, null, length);
        }
        catch (Exception e) when (InputStreams.IsTruncation(e))
        {
            return (Outcome.Truncated, "the input ends in the middle of the compressed stream: " + e.Message, 0);
        }
    }
}
