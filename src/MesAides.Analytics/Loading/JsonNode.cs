using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace MesAides.Analytics.Loading;

/// <summary>
/// A JSON value that understands MongoDB Extended JSON, canonical and relaxed
/// (<c>{"$oid"}</c>, <c>{"$date": "…" | {"$numberLong": "…"} | n}</c>, <c>{"$numberInt"}</c>, …).
/// </summary>
public readonly struct JsonNode : IDocNode<JsonNode>
{
    private readonly JsonElement _element;
    private readonly NodeKind _kind;

    public JsonNode(JsonElement element)
    {
        _element = element;
        _kind = KindOf(element);
    }

    public NodeKind Kind => _kind;

    public JsonNode this[ReadOnlySpan<byte> utf8Name] =>
        _kind == NodeKind.Object && _element.TryGetProperty(utf8Name, out var value) ? new JsonNode(value) : default;

    public IEnumerable<JsonNode> Items()
    {
        if (_kind != NodeKind.Array)
        {
            yield break;
        }

        foreach (var item in _element.EnumerateArray())
        {
            yield return new JsonNode(item);
        }
    }

    public IEnumerable<KeyValuePair<string, JsonNode>> Properties()
    {
        if (_kind != NodeKind.Object)
        {
            yield break;
        }

        foreach (var property in _element.EnumerateObject())
        {
            yield return new(property.Name, new JsonNode(property.Value));
        }
    }

    public string? GetString() => _kind switch
    {
        NodeKind.String => _element.GetString(),
        NodeKind.ObjectId => _element.GetProperty("$oid"u8).GetString(),
        _ => null,
    };

    public bool StringEquals(ReadOnlySpan<byte> utf8) => _kind == NodeKind.String && _element.ValueEquals(utf8);

    public bool TryGetNumber(out double value)
    {
        value = 0;
        if (_kind != NodeKind.Number)
        {
            return false;
        }

        if (_element.ValueKind == JsonValueKind.Number)
        {
            return _element.TryGetDouble(out value);
        }

        // {"$numberInt": "5"}, {"$numberLong": "5"}, {"$numberDouble": "5.0" | "NaN"}, {"$numberDecimal": "5"}
        foreach (var property in _element.EnumerateObject())
        {
            return property.Value.ValueKind == JsonValueKind.String
                && double.TryParse(property.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        return false;
    }

    public bool TryGetBoolean(out bool value)
    {
        value = _element.ValueKind == JsonValueKind.True;
        return _kind == NodeKind.Boolean;
    }

    public bool TryGetInstant(out DateTimeOffset value)
    {
        value = default;
        if (_kind != NodeKind.DateTime)
        {
            return false;
        }

        var date = _element.GetProperty("$date"u8);
        switch (date.ValueKind)
        {
            case JsonValueKind.String:
                return DateTimeOffset.TryParse(date.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
            case JsonValueKind.Number when date.TryGetInt64(out var ms):
                value = DateTimeOffset.FromUnixTimeMilliseconds(ms);
                return true;
            case JsonValueKind.Object when date.TryGetProperty("$numberLong"u8, out var text)
                && long.TryParse(text.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var millis):
                value = DateTimeOffset.FromUnixTimeMilliseconds(millis);
                return true;
            default:
                return false;
        }
    }

    public bool TryGetObjectIdTime(out DateTimeOffset value) => ObjectIds.TryGetTime(GetString(), _kind, out value);

    /// <summary>A string's UTF-8 bytes as stored, when it has no escape sequence (else false: use <see cref="GetString"/>).</summary>
    internal bool TryGetUtf8(out ReadOnlySpan<byte> utf8)
    {
        utf8 = default;
        if (_kind != NodeKind.String)
        {
            return false;
        }

        // Escapes and invalid UTF-8 go the general way (GetString unescapes, or throws for invalid UTF-8).
        var raw = JsonMarshal.GetRawUtf8Value(_element);
        if (raw.Length < 2 || raw[0] != '"' || raw.IndexOf((byte)'\\') >= 0 || !System.Text.Unicode.Utf8.IsValid(raw))
        {
            return false;
        }

        utf8 = raw[1..^1];
        return true;
    }

    /// <summary>The members of an object with their UTF-8 names, without allocating a string per name.</summary>
    internal void VisitProperties<TNode, TVisitor>(ref TVisitor visitor)
        where TNode : struct, IDocNode<TNode>
        where TVisitor : struct, IPropertyVisitor<TNode>
    {
        if (_kind != NodeKind.Object)
        {
            return;
        }

        foreach (var property in _element.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            var escaped = raw.IndexOf((byte)'\\') >= 0 || !System.Text.Unicode.Utf8.IsValid(raw);
            var value = new JsonNode(property.Value);
            if (!visitor.Visit(escaped ? default : raw, escaped ? property.Name : null, Unsafe.As<JsonNode, TNode>(ref value)))
            {
                return;
            }
        }
    }

    private static NodeKind KindOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => WrapperKind(element),
        JsonValueKind.Array => NodeKind.Array,
        JsonValueKind.String => NodeKind.String,
        JsonValueKind.Number => NodeKind.Number,
        JsonValueKind.True or JsonValueKind.False => NodeKind.Boolean,
        JsonValueKind.Null => NodeKind.Null,
        _ => NodeKind.Missing,
    };

    private static NodeKind WrapperKind(JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            // Only the first member can make a wrapper, and wrappers' names start with '$'.
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            if (name.IsEmpty || (name[0] != '$' && name[0] != '\\'))
            {
                return NodeKind.Object;
            }

            if (property.NameEquals("$oid"u8))
            {
                return NodeKind.ObjectId;
            }

            if (property.NameEquals("$date"u8))
            {
                return NodeKind.DateTime;
            }

            if (property.NameEquals("$numberInt"u8) || property.NameEquals("$numberLong"u8)
                || property.NameEquals("$numberDouble"u8) || property.NameEquals("$numberDecimal"u8))
            {
                return NodeKind.Number;
            }

            // Only the first member can make a wrapper.
            return NodeKind.Object;
        }

        return NodeKind.Object;
    }
}

internal static class ObjectIds
{
    public static bool TryGetTime(string? hex, NodeKind kind, out DateTimeOffset value)
    {
        value = default;
        if (kind != NodeKind.ObjectId || hex is not { Length: 24 }
            || !uint.TryParse(hex.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }
}

/// <summary>
/// A parsed JSON document as a flat list of tokens (values and member names) over the document's bytes:
/// one pass of <see cref="Utf8JsonReader"/>, arrays reused from one document to the next by the same thread.
/// Lighter than <see cref="JsonDocument"/> (no pooled database per document, no validation on access), and
/// read through <see cref="JsonTapeNode"/> by the same mapper.
/// </summary>
internal sealed class JsonTape
{
    public const byte ObjectToken = 1;
    public const byte ArrayToken = 2;
    public const byte StringToken = 3;
    public const byte NumberToken = 4;
    public const byte TrueToken = 5;
    public const byte FalseToken = 6;
    public const byte NullToken = 7;
    public const byte NameToken = 8;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _kinds = new byte[256];
    private bool[] _escaped = new bool[256];
    private int[] _starts = new int[256];
    private int[] _lengths = new int[256];
    private int[] _next = new int[256];
    private int[] _open = new int[64];
    private ReadOnlyMemory<byte> _json;
    private int _count;

    [ThreadStatic]
    private static JsonTape? _current;

    /// <summary>Parses a document with the calling thread's tape (valid until that thread's next parse).</summary>
    public static JsonTapeNode Parse(ReadOnlyMemory<byte> json, int maxDepth)
    {
        var tape = _current ??= new JsonTape();
        tape.Read(json, maxDepth);
        return new JsonTapeNode(tape, 0);
    }

    private void Read(ReadOnlyMemory<byte> json, int maxDepth)
    {
        _json = json;
        _count = 0;
        var depth = 0;
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = maxDepth });
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (depth == _open.Length)
                    {
                        Array.Resize(ref _open, depth * 2);
                    }

                    _open[depth++] = Add(reader.TokenType == JsonTokenType.StartObject ? ObjectToken : ArrayToken, start, 0, false);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    var container = _open[--depth];
                    _lengths[container] = start + 1 - _starts[container];
                    _next[container] = _count;
                    break;
                case JsonTokenType.PropertyName:
                    Add(NameToken, start + 1, reader.ValueSpan.Length, reader.ValueIsEscaped);
                    break;
                case JsonTokenType.String:
                    Add(StringToken, start + 1, reader.ValueSpan.Length, reader.ValueIsEscaped);
                    break;
                case JsonTokenType.Number:
                    Add(NumberToken, start, reader.ValueSpan.Length, false);
                    break;
                case JsonTokenType.True:
                    Add(TrueToken, start, 4, false);
                    break;
                case JsonTokenType.False:
                    Add(FalseToken, start, 5, false);
                    break;
                case JsonTokenType.Null:
                    Add(NullToken, start, 4, false);
                    break;
                default:
                    break;
            }
        }
    }

    private int Add(byte kind, int start, int length, bool escaped)
    {
        if (_count == _kinds.Length)
        {
            var size = _count * 2;
            Array.Resize(ref _kinds, size);
            Array.Resize(ref _escaped, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _next, size);
        }

        var index = _count++;
        _kinds[index] = kind;
        _escaped[index] = escaped;
        _starts[index] = start;
        _lengths[index] = length;
        _next[index] = index + 1;
        return index;
    }

    public byte Kind(int index) => _kinds[index];

    // The last number read: a resource's months usually repeat one amount ("1329.0" twelve times).
    private readonly byte[] _lastNumber = new byte[32];
    private int _lastNumberLength = -1;
    private double _lastNumberValue;

    /// <summary>A number token as <see cref="JsonElement.TryGetDouble"/> reads it (an overflow reads as an infinity).</summary>
    public bool Number(int index, out double value)
    {
        var raw = Raw(index);
        if (raw.Length == _lastNumberLength && raw.SequenceEqual(_lastNumber.AsSpan(0, _lastNumberLength)))
        {
            value = _lastNumberValue;
            return true;
        }

        if (!System.Buffers.Text.Utf8Parser.TryParse(raw, out value, out var consumed) || consumed != raw.Length)
        {
            return false;
        }

        if (raw.Length <= _lastNumber.Length)
        {
            raw.CopyTo(_lastNumber);
            _lastNumberLength = raw.Length;
            _lastNumberValue = value;
        }

        return true;
    }

    /// <summary>The entry after a value and everything inside it.</summary>
    public int Next(int index) => _next[index];

    public bool IsEscaped(int index) => _escaped[index];

    /// <summary>A string's or a name's bytes as stored (escapes not undone), a number's text.</summary>
    public ReadOnlySpan<byte> Raw(int index) => _json.Span.Slice(_starts[index], _lengths[index]);

    /// <summary>A string or a name as text: escapes undone; invalid UTF-8 throws, as <see cref="JsonElement.GetString"/> does.</summary>
    public string Text(int index)
    {
        var raw = Raw(index);
        if (!_escaped[index])
        {
            try
            {
                return StrictUtf8.GetString(raw);
            }
            catch (DecoderFallbackException e)
            {
                throw new InvalidOperationException("invalid UTF-8 in a JSON string", e);
            }
        }

        // Escaped text is rare: let a reader over the quoted token undo the escapes.
        var quoted = _json.Span.Slice(_starts[index] - 1, _lengths[index] + 2);
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>Whether a string or a name equals UTF-8 text.</summary>
    public bool TextEquals(int index, ReadOnlySpan<byte> utf8)
    {
        if (!_escaped[index])
        {
            return Raw(index).SequenceEqual(utf8);
        }

        var quoted = _json.Span.Slice(_starts[index] - 1, _lengths[index] + 2);
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.ValueTextEquals(utf8);
    }
}

/// <summary>A value of a <see cref="JsonTape"/>, with the Extended JSON wrappers of <see cref="JsonNode"/>.</summary>
internal readonly struct JsonTapeNode : IDocNode<JsonTapeNode>
{
    private readonly JsonTape? _tape;
    private readonly int _index;
    private readonly NodeKind _kind;

    public JsonTapeNode(JsonTape tape, int index)
    {
        _tape = tape;
        _index = index;
        _kind = tape.Kind(index) switch
        {
            JsonTape.ObjectToken => WrapperKind(tape, index),
            JsonTape.ArrayToken => NodeKind.Array,
            JsonTape.StringToken => NodeKind.String,
            JsonTape.NumberToken => NodeKind.Number,
            JsonTape.TrueToken or JsonTape.FalseToken => NodeKind.Boolean,
            JsonTape.NullToken => NodeKind.Null,
            _ => NodeKind.Missing,
        };
    }

    public NodeKind Kind => _kind;

    /// <summary>The last member with that name, as <see cref="JsonElement.TryGetProperty(ReadOnlySpan{byte}, out JsonElement)"/> finds it.</summary>
    public JsonTapeNode this[ReadOnlySpan<byte> utf8Name] => _kind == NodeKind.Object ? Member(utf8Name) : default;

    /// <summary>A member of any JSON object, wrappers included (<c>$oid</c>, <c>$date</c>).</summary>
    private JsonTapeNode Member(ReadOnlySpan<byte> utf8Name)
    {
        if (_tape is null || _tape.Kind(_index) != JsonTape.ObjectToken)
        {
            return default;
        }

        var tape = _tape;
        var end = tape.Next(_index);
        var found = -1;
        for (var name = _index + 1; name < end; name = tape.Next(name + 1))
        {
            if (tape.TextEquals(name, utf8Name))
            {
                found = name + 1;
            }
        }

        return found < 0 ? default : new JsonTapeNode(tape, found);
    }

    public IEnumerable<JsonTapeNode> Items()
    {
        if (_kind != NodeKind.Array)
        {
            yield break;
        }

        var tape = _tape!;
        var end = tape.Next(_index);
        for (var item = _index + 1; item < end; item = tape.Next(item))
        {
            yield return new JsonTapeNode(tape, item);
        }
    }

    public IEnumerable<KeyValuePair<string, JsonTapeNode>> Properties()
    {
        if (_kind != NodeKind.Object)
        {
            yield break;
        }

        var tape = _tape!;
        var end = tape.Next(_index);
        for (var name = _index + 1; name < end; name = tape.Next(name + 1))
        {
            yield return new(tape.Text(name), new JsonTapeNode(tape, name + 1));
        }
    }

    public string? GetString() => _kind switch
    {
        NodeKind.String => _tape!.Text(_index),
        NodeKind.ObjectId => Member("$oid"u8) switch
        {
            { Kind: NodeKind.String } oid => oid.GetString(),
            { Kind: NodeKind.Null } => null,
            _ => throw new InvalidOperationException("$oid is not a string"),
        },
        _ => null,
    };

    public bool StringEquals(ReadOnlySpan<byte> utf8) => _kind == NodeKind.String && _tape!.TextEquals(_index, utf8);

    /// <summary>A string's UTF-8 bytes as stored, when it has no escape sequence and is valid UTF-8.</summary>
    internal bool TryGetUtf8(out ReadOnlySpan<byte> utf8)
    {
        utf8 = default;
        if (_kind != NodeKind.String || _tape!.IsEscaped(_index))
        {
            return false;
        }

        var raw = _tape.Raw(_index);
        if (!System.Text.Unicode.Utf8.IsValid(raw))
        {
            return false;
        }

        utf8 = raw;
        return true;
    }

    internal void VisitProperties<TNode, TVisitor>(ref TVisitor visitor)
        where TNode : struct, IDocNode<TNode>
        where TVisitor : struct, IPropertyVisitor<TNode>
    {
        if (_kind != NodeKind.Object)
        {
            return;
        }

        var tape = _tape!;
        var end = tape.Next(_index);
        for (var name = _index + 1; name < end; name = tape.Next(name + 1))
        {
            var raw = tape.Raw(name);
            var plain = !tape.IsEscaped(name) && System.Text.Unicode.Utf8.IsValid(raw);
            var value = new JsonTapeNode(tape, name + 1);
            if (!visitor.Visit(plain ? raw : default, plain ? null : tape.Text(name), Unsafe.As<JsonTapeNode, TNode>(ref value)))
            {
                return;
            }
        }
    }

    public bool TryGetNumber(out double value)
    {
        value = 0;
        if (_kind != NodeKind.Number)
        {
            return false;
        }

        var tape = _tape!;
        if (tape.Kind(_index) == JsonTape.NumberToken)
        {
            return tape.Number(_index, out value);
        }

        // {"$numberInt": "5"}, {"$numberLong": "5"}, {"$numberDouble": "5.0" | "NaN"}, {"$numberDecimal": "5"}
        var first = _index + 2;
        return tape.Kind(first) == JsonTape.StringToken
            && double.TryParse(tape.Text(first), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public bool TryGetBoolean(out bool value)
    {
        value = _kind == NodeKind.Boolean && _tape!.Kind(_index) == JsonTape.TrueToken;
        return _kind == NodeKind.Boolean;
    }

    public bool TryGetInstant(out DateTimeOffset value)
    {
        value = default;
        if (_kind != NodeKind.DateTime)
        {
            return false;
        }

        var date = Member("$date"u8);
        var tape = _tape!;
        switch (date.Kind)
        {
            case NodeKind.String:
                if (date.TryGetUtf8(out var utf8) && IsoDates.TryParseUtcInstant(utf8, out value))
                {
                    return true;
                }

                return DateTimeOffset.TryParse(date.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
            case NodeKind.Number when tape.Kind(date._index) == JsonTape.NumberToken:
                var raw = tape.Raw(date._index);
                if (System.Buffers.Text.Utf8Parser.TryParse(raw, out long ms, out var consumed) && consumed == raw.Length)
                {
                    value = DateTimeOffset.FromUnixTimeMilliseconds(ms);
                    return true;
                }

                return false;
            case NodeKind.Number:
                // {"$date": {"$numberLong": "…"}}
                var wrapped = date.Member("$numberLong"u8);
                if (wrapped.Kind == NodeKind.String && long.TryParse(wrapped.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var millis))
                {
                    value = DateTimeOffset.FromUnixTimeMilliseconds(millis);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    public bool TryGetObjectIdTime(out DateTimeOffset value) => ObjectIds.TryGetTime(_kind == NodeKind.ObjectId ? GetString() : null, _kind, out value);

    /// <summary>Only the first member can make a wrapper (<c>$oid</c>, <c>$date</c>, <c>$number…</c>).</summary>
    private static NodeKind WrapperKind(JsonTape tape, int index)
    {
        var name = index + 1;
        if (name >= tape.Next(index))
        {
            return NodeKind.Object;
        }

        var raw = tape.Raw(name);
        if (raw.IsEmpty || (raw[0] != '$' && !tape.IsEscaped(name)))
        {
            return NodeKind.Object;
        }

        return tape.TextEquals(name, "$oid"u8) ? NodeKind.ObjectId
            : tape.TextEquals(name, "$date"u8) ? NodeKind.DateTime
            : tape.TextEquals(name, "$numberInt"u8) || tape.TextEquals(name, "$numberLong"u8)
                || tape.TextEquals(name, "$numberDouble"u8) || tape.TextEquals(name, "$numberDecimal"u8) ? NodeKind.Number
            : NodeKind.Object;
    }
}
