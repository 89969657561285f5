using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using MongoDB.Bson;

namespace MesAides.Analytics.Loading;

/// <summary>
/// A value read in place from raw BSON bytes: no <c>BsonDocument</c> is built, members are found by
/// scanning the element list (documents are small; this is what makes dumps fast to read).
/// </summary>
public readonly struct BsonNode : IDocNode<BsonNode>
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly int _offset;
    private readonly byte _type;

    private BsonNode(ReadOnlyMemory<byte> buffer, int offset, byte type)
    {
        _buffer = buffer;
        _offset = offset;
        _type = type;
    }

    /// <summary>A whole document: its bytes start with the int32 length.</summary>
    public static BsonNode Root(ReadOnlyMemory<byte> document) => new(document, 0, 0x03);

    public NodeKind Kind => _type switch
    {
        0x00 => NodeKind.Missing,
        0x01 or 0x10 or 0x12 or 0x13 => NodeKind.Number,
        0x02 => NodeKind.String,
        0x03 => NodeKind.Object,
        0x04 => NodeKind.Array,
        0x07 => NodeKind.ObjectId,
        0x08 => NodeKind.Boolean,
        0x09 => NodeKind.DateTime,
        0x0A or 0x06 => NodeKind.Null,
        _ => NodeKind.Other,
    };

    private ReadOnlySpan<byte> Span => _buffer.Span;

    public BsonNode this[ReadOnlySpan<byte> utf8Name]
    {
        get
        {
            if (_type != 0x03)
            {
                return default;
            }

            var span = Span;
            var end = _offset + ReadLength(span, _offset) - 1;
            for (var position = _offset + 4; position < end;)
            {
                var element = Element(span, position);
                if (span[element.NameStart..element.NameEnd].SequenceEqual(utf8Name))
                {
                    return new BsonNode(_buffer, element.ValueStart, element.Type);
                }

                position = element.Next;
            }

            return default;
        }
    }

    public IEnumerable<BsonNode> Items()
    {
        foreach (var (_, value) in Elements(nameNeeded: false))
        {
            yield return value;
        }
    }

    public IEnumerable<KeyValuePair<string, BsonNode>> Properties()
    {
        foreach (var (name, value) in Elements(nameNeeded: true))
        {
            yield return new(name!, value);
        }
    }

    private IEnumerable<(string? Name, BsonNode Value)> Elements(bool nameNeeded)
    {
        if (_type is not (0x03 or 0x04) || (_type == 0x04) == nameNeeded)
        {
            yield break;
        }

        var end = _offset + ReadLength(Span, _offset) - 1;
        var position = _offset + 4;
        while (position < end)
        {
            var (type, name, valueStart, next) = ReadElement(position, nameNeeded);
            yield return (name, new BsonNode(_buffer, valueStart, type));
            position = next;
        }
    }

    private (byte Type, string? Name, int ValueStart, int Next) ReadElement(int position, bool nameNeeded)
    {
        var span = Span;
        var element = Element(span, position);
        var name = nameNeeded ? Encoding.UTF8.GetString(span[element.NameStart..element.NameEnd]) : null;
        return (element.Type, name, element.ValueStart, element.Next);
    }

    /// <summary>The element at <paramref name="position"/>: type, name bytes, value start, and where the next one begins.</summary>
    private static (byte Type, int NameStart, int NameEnd, int ValueStart, int Next) Element(ReadOnlySpan<byte> span, int position)
    {
        var type = span[position];
        var nameStart = position + 1;
        var nameEnd = span[nameStart..].IndexOf((byte)0) + nameStart;
        var valueStart = nameEnd + 1;
        return (type, nameStart, nameEnd, valueStart, valueStart + ValueSize(span, valueStart, type));
    }

    public string? GetString() => _type switch
    {
        0x02 => Encoding.UTF8.GetString(StringBytes()),
        0x07 => Convert.ToHexStringLower(Span.Slice(_offset, 12)),
        _ => null,
    };

    public bool StringEquals(ReadOnlySpan<byte> utf8) => _type == 0x02 && StringBytes().SequenceEqual(utf8);

    /// <summary>A string's UTF-8 bytes in place.</summary>
    internal bool TryGetUtf8(out ReadOnlySpan<byte> utf8)
    {
        utf8 = _type == 0x02 ? StringBytes() : default;
        return _type == 0x02;
    }

    /// <summary>The members of a document with their UTF-8 names, without allocating a string per name.</summary>
    internal void VisitProperties<TNode, TVisitor>(ref TVisitor visitor)
        where TNode : struct, IDocNode<TNode>
        where TVisitor : struct, IPropertyVisitor<TNode>
    {
        if (_type != 0x03)
        {
            return;
        }

        var span = Span;
        var end = _offset + ReadLength(span, _offset) - 1;
        for (var position = _offset + 4; position < end;)
        {
            var element = Element(span, position);
            var value = new BsonNode(_buffer, element.ValueStart, element.Type);
            if (!visitor.Visit(span[element.NameStart..element.NameEnd], null, Unsafe.As<BsonNode, TNode>(ref value)))
            {
                return;
            }

            position = element.Next;
        }
    }

    private ReadOnlySpan<byte> StringBytes() => Span.Slice(_offset + 4, ReadLength(Span, _offset) - 1);

    public bool TryGetNumber(out double value)
    {
        var span = Span;
        (var ok, value) = _type switch
        {
            0x01 => (true, BinaryPrimitives.ReadDoubleLittleEndian(span[_offset..])),
            0x10 => (true, BinaryPrimitives.ReadInt32LittleEndian(span[_offset..])),
            0x12 => (true, (double)BinaryPrimitives.ReadInt64LittleEndian(span[_offset..])),
            0x13 => (true, Decimal128.ToDouble(Decimal128.FromIEEEBits(
                BinaryPrimitives.ReadUInt64LittleEndian(span[(_offset + 8)..]),
                BinaryPrimitives.ReadUInt64LittleEndian(span[_offset..])))),
            _ => (false, 0d),
        };
        return ok;
    }

    public bool TryGetBoolean(out bool value)
    {
        value = _type == 0x08 && Span[_offset] != 0;
        return _type == 0x08;
    }

    public bool TryGetInstant(out DateTimeOffset value)
    {
        value = default;
        if (_type != 0x09)
        {
            return false;
        }

        var millis = BinaryPrimitives.ReadInt64LittleEndian(Span[_offset..]);
        if (millis < -62135596800000L || millis > 253402300799999L)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeMilliseconds(millis);
        return true;
    }

    public bool TryGetObjectIdTime(out DateTimeOffset value)
    {
        value = default;
        if (_type != 0x07)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(Span[_offset..]));
        return true;
    }

    private static int ReadLength(ReadOnlySpan<byte> span, int offset) => BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);

    /// <summary>Bytes taken by a value of a BSON type (spec bsonspec.org 1.1).</summary>
    internal static int ValueSize(ReadOnlySpan<byte> span, int offset, byte type) => type switch
    {
        0x01 or 0x09 or 0x11 or 0x12 => 8,
        0x02 or 0x0D or 0x0E => 4 + ReadLength(span, offset),
        0x03 or 0x04 or 0x0F => ReadLength(span, offset),
        0x05 => 4 + 1 + ReadLength(span, offset),
        0x06 or 0x0A or 0x7F or 0xFF => 0,
        0x07 => 12,
        0x08 => 1,
        0x0B => CStringSize(span, offset) + CStringSize(span, offset + CStringSize(span, offset)),
        0x0C => 4 + ReadLength(span, offset) + 12,
        0x10 => 4,
        0x13 => 16,
        _ => throw new FormatException($"unknown BSON element type 0x{type:x2}"),
    };

    private static int CStringSize(ReadOnlySpan<byte> span, int offset) => span[offset..].IndexOf((byte)0) + 1;

    /// <summary>
    /// Checks that a document's element tree is well formed (lengths inside bounds, terminators present),
    /// so that navigation never reads outside it. Returns the problem, or null.
    /// </summary>
    public static string? Validate(ReadOnlySpan<byte> document)
    {
        try
        {
            return ValidateDocument(document, 0, document.Length, depth: 0);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or FormatException or IndexOutOfRangeException)
        {
            return e.Message;
        }
    }

    private static string? ValidateDocument(ReadOnlySpan<byte> span, int offset, int limit, int depth)
    {
        if (depth > 100)
        {
            return "documents nested more than 100 deep";
        }

        if (limit - offset < 5)
        {
            return $"document at byte {offset} is shorter than 5 bytes";
        }

        var length = ReadLength(span, offset);
        if (length < 5 || offset + length > limit)
        {
            return $"document at byte {offset} declares {length} bytes, but only {limit - offset} are available";
        }

        var end = offset + length - 1;
        if (span[end] != 0)
        {
            return $"document at byte {offset} does not end with a 0 byte";
        }

        var position = offset + 4;
        while (position < end)
        {
            var type = span[position];
            var nameEnd = span[(position + 1)..end].IndexOf((byte)0);
            if (nameEnd < 0)
            {
                return $"element name at byte {position} is not terminated";
            }

            var valueStart = position + 1 + nameEnd + 1;
            if (valueStart > end && type != 0x0A)
            {
                return $"element at byte {position} has no value";
            }

            var size = ValueSize(span, valueStart, type);
            if (size < 0 || valueStart + size > end)
            {
                return $"element at byte {position} runs past the end of its document";
            }

            if (type is 0x03 or 0x04)
            {
                var inner = ValidateDocument(span, valueStart, valueStart + size, depth + 1);
                if (inner is not null)
                {
                    return inner;
                }
            }
            else if (type is 0x02 or 0x0D or 0x0E && (ReadLength(span, valueStart) < 1 || span[valueStart + size - 1] != 0))
            {
                return $"string at byte {valueStart} is malformed";
            }

            position = valueStart + size;
        }

        return null;
    }
}
