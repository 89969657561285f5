using System.IO.Compression;

namespace MesAides.Analytics.Loading;

/// <summary>Opens an input file, undoing gzip when the content says so (whatever the extension says).</summary>
internal static class InputStreams
{
    public static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Decompress(file);
    }

    public static Stream Decompress(Stream raw)
    {
        var buffered = raw.CanSeek ? raw : new BufferedStream(raw, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        var read = buffered.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        if (buffered.CanSeek)
        {
            buffered.Position = 0;
        }
        else
        {
            throw new NotSupportedException("input streams must be seekable to detect their format");
        }

        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new BufferedStream(new GZipStream(buffered, CompressionMode.Decompress), 1 << 16)
            : buffered;
    }

    /// <summary>True when a read failure means the (compressed) input ended or broke in the middle.</summary>
    public static bool IsTruncation(Exception e) => e is InvalidDataException or EndOfStreamException or IOException;
}

/// <summary>A stream that remembers the first bytes it read, so that content can be sniffed without seeking.</summary>
internal sealed class PeekStream(Stream inner) : Stream
{
    private readonly byte[] _peeked = new byte[64];
    private int _peekLength = -1;
    private int _peekPosition;

    public ReadOnlySpan<byte> Peek()
    {
        if (_peekLength < 0)
        {
            _peekLength = inner.ReadAtLeast(_peeked, _peeked.Length, throwOnEndOfStream: false);
        }

        return _peeked.AsSpan(0, _peekLength);
    }

    public override int Read(Span<byte> buffer)
    {
        Peek();
        if (_peekPosition < _peekLength)
        {
            var n = Math.Min(buffer.Length, _peekLength - _peekPosition);
            _peeked.AsSpan(_peekPosition, n).CopyTo(buffer);
            _peekPosition += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
