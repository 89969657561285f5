using System.Buffers;

namespace MesAides.Analytics.Loading;

/// <summary>
/// Splits JSON input into documents without parsing them (parsing happens on worker threads):
/// one document a line (<c>mongoexport</c> default), a JSON array (<c>--jsonArray</c>), or documents
/// written one after another, pretty-printed or not.
/// </summary>
internal static class JsonReaders
{
    /// <summary>Chooses the layout from the first value: lines when the first line holds one whole value.</summary>
    public static IEnumerable<RawBatch> Read(Stream stream, string source)
    {
        var reader = new ByteReader(stream);
        try
        {
            var first = reader.FirstNonWhitespace();
            if (first == '[')
            {
                return Values(reader, source, array: true);
            }

            return reader.FirstLineIsOneValue() ? Lines(reader, source) : Values(reader, source, array: false);
        }
        catch (Exception e) when (InputStreams.IsTruncation(e))
        {
            return [ErrorBatch(source, new DocumentLocation(source, LocationKind.Byte, 0), RejectionReasons.Truncated, "the input cannot be decompressed: " + e.Message)];
        }
    }

    private static RawBatch ErrorBatch(string source, DocumentLocation location, string reason, string message)
    {
        var batch = new RawBatch(DocumentEncoding.Json, 16);
        batch.AddError(1, new Rejection(reason, location, null, message));
        return batch;
    }

    private static IEnumerable<RawBatch> Lines(ByteReader reader, string source)
    {
        using var owned = reader;
        var batch = new RawBatch(DocumentEncoding.Json);
        long line = 0;
        long ordinal = 0;
        while (true)
        {
            ReadOnlySpan<byte> text;
            Rejection? error = null;
            bool more;
            try
            {
                more = reader.TryReadLine(out text);
            }
            catch (Exception e) when (InputStreams.IsTruncation(e))
            {
                error = new Rejection(RejectionReasons.Truncated, new DocumentLocation(source, LocationKind.Line, line + 1), null, "the input ends in the middle of the compressed stream: " + e.Message);
                more = false;
                text = default;
            }

            if (error is not null)
            {
                batch.AddError(++ordinal, error);
                break;
            }

            if (!more)
            {
                break;
            }

            line++;
            var trimmed = text.Trim(" \t\r"u8);
            if (trimmed.IsEmpty)
            {
                continue;
            }

            batch.Add(trimmed, ++ordinal, new DocumentLocation(source, LocationKind.Line, line));
            if (batch.IsFull)
            {
                yield return batch;
                batch = new RawBatch(DocumentEncoding.Json);
            }
        }

        yield return batch;
    }

    /// <summary>Top-level values found by tracking nesting and strings; inside an array, its elements.</summary>
    private static IEnumerable<RawBatch> Values(ByteReader reader, string source, bool array)
    {
        using var owned = reader;
        var batch = new RawBatch(DocumentEncoding.Json);
        var scanner = new ValueScanner(array);
        long ordinal = 0;
        while (true)
        {
            ValueScanner.Result result;
            try
            {
                result = scanner.Next(reader);
            }
            catch (Exception e) when (InputStreams.IsTruncation(e))
            {
                result = new ValueScanner.Result(ValueScanner.Outcome.Truncated, default, scanner.Line, "the input ends in the middle of the compressed stream: " + e.Message);
            }

            var kind = array ? LocationKind.Element : LocationKind.Line;
            if (result.Outcome == ValueScanner.Outcome.End)
            {
                break;
            }

            ordinal++;
            var location = new DocumentLocation(source, kind, array ? ordinal : result.Line);
            if (result.Outcome == ValueScanner.Outcome.Value)
            {
                batch.Add(result.Value, ordinal, location);
            }
            else
            {
                var reason = result.Outcome == ValueScanner.Outcome.Truncated ? RejectionReasons.Truncated : RejectionReasons.InvalidJson;
                batch.AddError(ordinal, new Rejection(reason, location, null, result.Message!));
                break;
            }

            if (batch.IsFull)
            {
                yield return batch;
                batch = new RawBatch(DocumentEncoding.Json);
            }
        }

        yield return batch;
    }
}

/// <summary>A forward-only byte reader over a stream with a growable pooled window.</summary>
internal sealed class ByteReader(Stream stream) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    private int _start;
    private int _end;
    private bool _eof;

    public long Consumed { get; private set; }

    public ReadOnlySpan<byte> Window => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Reads more bytes into the window; false at the end of the input.</summary>
    public bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0 && _start == _end)
        {
            _start = _end = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else
            {
                var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }

    public void Advance(int count)
    {
        _start += count;
        Consumed += count;
    }

    public int FirstNonWhitespace()
    {
        while (true)
        {
            var window = Window;
            var i = window.IndexOfAnyExcept(" \t\r\n"u8);
            if (i >= 0)
            {
                // Skip a UTF-8 byte order mark.
                if (window[i..].StartsWith("\xEF\xBB\xBF"u8))
                {
                    Advance(i + 3);
                    continue;
                }

                return window[i];
            }

            if (!Fill())
            {
                return -1;
            }
        }
    }

    /// <summary>Whether the first non-blank line holds exactly one complete JSON value (JSON lines).</summary>
    public bool FirstLineIsOneValue()
    {
        while (true)
        {
            var window = Window;
            var start = window.IndexOfAnyExcept(" \t\r\n"u8);
            var newline = start < 0 ? -1 : window[start..].IndexOf((byte)'\n');
            if (newline >= 0 || !Fill())
            {
                var line = start < 0 ? default : newline >= 0 ? window.Slice(start, newline) : window[start..];
                var scanner = new ValueScanner(array: false);
                return scanner.CompleteAt(line.TrimEnd(" \t\r"u8)) == line.TrimEnd(" \t\r"u8).Length;
            }
        }
    }

    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        var searched = 0;
        while (true)
        {
            var window = Window;
            var newline = window[searched..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = window[..(searched + newline)];
                Advance(searched + newline + 1);
                return true;
            }

            searched = window.Length;
            if (!Fill())
            {
                window = Window;
                line = window;
                Advance(window.Length);
                return !window.IsEmpty;
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}

/// <summary>Finds the end of JSON values by nesting depth, outside strings; no parsing.</summary>
internal sealed class ValueScanner(bool array)
{
    public enum Outcome
    {
        Value,
        End,
        Invalid,
        Truncated,
    }

    public readonly ref struct Result(Outcome outcome, ReadOnlySpan<byte> value, long line, string? message)
    {
        public Outcome Outcome { get; } = outcome;

        public ReadOnlySpan<byte> Value { get; } = value;

        public long Line { get; } = line;

        public string? Message { get; } = message;
    }

    private bool _arrayOpened;
    private bool _arrayClosed;

    public long Line { get; private set; } = 1;

    public Result Next(ByteReader reader)
    {
        // Skip separators: white space, and in an array the opening bracket and commas.
        while (true)
        {
            var window = reader.Window;
            var i = 0;
            while (i < window.Length)
            {
                var b = window[i];
                if (b == '\n')
                {
                    Line++;
                }
                else if (b is (byte)' ' or (byte)'\t' or (byte)'\r' || (array && b == ',' && _arrayOpened))
                {
                }
                else if (array && b == '[' && !_arrayOpened)
                {
                    _arrayOpened = true;
                }
                else if (array && b == ']' && _arrayOpened)
                {
                    _arrayClosed = true;
                }
                else if (_arrayClosed)
                {
                    reader.Advance(i);
                    return new Result(Outcome.Invalid, default, Line, "content after the end of the JSON array");
                }
                else
                {
                    break;
                }

                i++;
            }

            reader.Advance(i);
            if (i < window.Length)
            {
                break;
            }

            if (!reader.Fill())
            {
                return array && !_arrayClosed
                    ? new Result(Outcome.Truncated, default, Line, "the input ends before the JSON array is closed")
                    : new Result(Outcome.End, default, Line, null);
            }
        }

        var startLine = Line;
        var scanned = 0;
        _depth = 0;
        _inString = false;
        _escaped = false;
        while (true)
        {
            var window = reader.Window;
            var end = Scan(window, scanned);
            if (end >= 0)
            {
                var value = window[..end];
                reader.Advance(end);
                return new Result(Outcome.Value, value, startLine, null);
            }

            if (end == -2)
            {
                return new Result(Outcome.Invalid, default, Line, "a value that is not a JSON document or array");
            }

            // The window may move in the buffer when it fills, but it still starts at the value.
            scanned = window.Length;
            if (!reader.Fill())
            {
                return new Result(Outcome.Truncated, default, startLine, "the input ends in the middle of a document");
            }
        }
    }

    private int _depth;
    private bool _inString;
    private bool _escaped;

    /// <summary>Length of the complete value at the start of <paramref name="text"/>, or -1.</summary>
    public int CompleteAt(ReadOnlySpan<byte> text)
    {
        _depth = 0;
        _inString = false;
        _escaped = false;
        return text.IsEmpty || (text[0] != '{' && text[0] != '[') ? -1 : Scan(text, 0);
    }

    /// <summary>Continues scanning from <paramref name="from"/>; returns the end offset, -1 for "need more", -2 for invalid.</summary>
    private int Scan(ReadOnlySpan<byte> window, int from)
    {
        if (from == 0 && !window.IsEmpty && window[0] != '{' && window[0] != '[')
        {
            return -2;
        }

        for (var i = from; i < window.Length; i++)
        {
            var b = window[i];
            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                }
                else if (b == '\\')
                {
                    _escaped = true;
                }
                else if (b == '"')
                {
                    _inString = false;
                }
                else if (b == '\n')
                {
                    Line++;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    _inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    _depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--_depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case (byte)'\n':
                    Line++;
                    break;
                default:
                    break;
            }
        }

        return -1;
    }
}
