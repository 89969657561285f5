using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;

namespace MesAides.Analytics.Benchmarks;

/// <summary>
/// The parse limit: decompress and read every token of every document, nothing else, on one thread
/// (JSON lines through <see cref="Utf8JsonReader"/>, BSON by walking every element). No mapping, no object.
/// </summary>
public static class ParseOnly
{
    public static string Run(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var magic = new byte[2];
        file.ReadExactly(magic);
        file.Position = 0;
        using Stream input = magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
        var head = new byte[4];
        var headLength = input.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        var json = headLength > 0 && head[0] is (byte)'{' or (byte)'[' or (byte)' ' or (byte)'\n';
        var (documents, tokens, bytes) = json ? JsonLines(input, head.AsSpan(0, headLength)) : Bson(input, head.AsSpan(0, headLength));
        return $"documents={documents} tokens={tokens} bytes={bytes}";
    }

    private static (long Documents, long Tokens, long Bytes) JsonLines(Stream input, ReadOnlySpan<byte> head)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        head.CopyTo(buffer);
        long documents = 0, tokens = 0, bytes = head.Length;
        var start = 0;
        var end = head.Length;
        while (true)
        {
            var read = input.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                break;
            }

            end += read;
            bytes += read;
            var window = buffer.AsSpan(start, end - start);
            int newline;
            while ((newline = window.IndexOf((byte)'\n')) >= 0)
            {
                tokens += Tokens(window[..newline]);
                documents++;
                window = window[(newline + 1)..];
            }

            // Keep the partial line at the start of the buffer (grow it for a line longer than the buffer).
            var rest = window.Length;
            if (rest == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, rest).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            else
            {
                window.CopyTo(buffer);
            }

            start = 0;
            end = rest;
        }

        if (end > 0)
        {
            tokens += Tokens(buffer.AsSpan(0, end));
            documents++;
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return (documents, tokens, bytes);
    }

    private static long Tokens(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 128 });
        long n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    private static (long Documents, long Tokens, long Bytes) Bson(Stream input, ReadOnlySpan<byte> head)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        long documents = 0, tokens = 0, bytes = 0;
        var length = head.ToArray();
        while (length.Length == 4)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(length);
            if (size > buffer.Length)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = ArrayPool<byte>.Shared.Rent(size);
            }

            length.CopyTo(buffer, 0);
            input.ReadExactly(buffer, 4, size - 4);
            tokens += Elements(buffer.AsSpan(0, size), 0);
            documents++;
            bytes += size;
            if (input.ReadAtLeast(length, 4, throwOnEndOfStream: false) != 4)
            {
                break;
            }
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return (documents, tokens, bytes);
    }

    /// <summary>Visits every element of a document, recursively; returns how many.</summary>
    private static long Elements(ReadOnlySpan<byte> span, int offset)
    {
        var end = offset + BinaryPrimitives.ReadInt32LittleEndian(span[offset..]) - 1;
        var position = offset + 4;
        long n = 0;
        while (position < end)
        {
            var type = span[position];
            var valueStart = position + 1 + span[(position + 1)..].IndexOf((byte)0) + 1;
            n++;
            int size;
            switch (type)
            {
                case 0x01 or 0x09 or 0x11 or 0x12:
                    size = 8;
                    break;
                case 0x02:
                    size = 4 + BinaryPrimitives.ReadInt32LittleEndian(span[valueStart..]);
                    break;
                case 0x03 or 0x04:
                    size = BinaryPrimitives.ReadInt32LittleEndian(span[valueStart..]);
                    n += Elements(span, valueStart);
                    break;
                case 0x05:
                    size = 5 + BinaryPrimitives.ReadInt32LittleEndian(span[valueStart..]);
                    break;
                case 0x07:
                    size = 12;
                    break;
                case 0x08:
                    size = 1;
                    break;
                case 0x10:
                    size = 4;
                    break;
                case 0x13:
                    size = 16;
                    break;
                case 0x06 or 0x0A or 0x7F or 0xFF:
                    size = 0;
                    break;
                default:
                    throw new InvalidDataException($"BSON type 0x{type:x2} is not handled by the parse-only loop");
            }

            position = valueStart + size;
        }

        return n;
    }
}
