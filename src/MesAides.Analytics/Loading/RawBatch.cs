using System.Buffers;

namespace MesAides.Analytics.Loading;

/// <summary>How the bytes of a raw document are encoded.</summary>
public enum DocumentEncoding
{
    Json,
    Bson,
}

/// <summary>One document's bytes inside a batch buffer, or a read error at that place of the input.</summary>
internal readonly record struct RawEntry(int Start, int Length, long Ordinal, DocumentLocation Location, Rejection? ReadError);

/// <summary>
/// Consecutive raw documents copied into one pooled buffer, so that parsing can run on another core
/// while the reader goes on. The buffer goes back to the pool once the batch is mapped.
/// </summary>
internal sealed class RawBatch : IDisposable
{
    public const int TargetBytes = 1 << 20;
    public const int TargetDocuments = 512;

    private byte[] _buffer;

    public RawBatch(DocumentEncoding encoding, int capacity = TargetBytes)
    {
        Encoding = encoding;
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
    }

    public DocumentEncoding Encoding { get; }

    public List<RawEntry> Entries { get; } = new(TargetDocuments);

    public int Length { get; private set; }

    public bool IsFull => Entries.Count >= TargetDocuments || Length >= TargetBytes;

    public ReadOnlyMemory<byte> Bytes(RawEntry entry) => _buffer.AsMemory(entry.Start, entry.Length);

    public void Add(ReadOnlySpan<byte> document, long ordinal, DocumentLocation location)
    {
        if (Length + document.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + document.Length));
            _buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        document.CopyTo(_buffer.AsSpan(Length));
        Entries.Add(new RawEntry(Length, document.Length, ordinal, location, null));
        Length += document.Length;
    }

    public void AddError(long ordinal, Rejection rejection) =>
        Entries.Add(new RawEntry(0, 0, ordinal, rejection.Location, rejection));

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
