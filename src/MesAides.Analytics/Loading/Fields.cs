using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Loading;

/// <summary>
/// Typed reads of one field with the leniency real exports need (numbers stored as strings, codes that
/// lost their leading zero) and a <see cref="MappingException"/> naming the field otherwise.
/// </summary>
internal static class Fields
{
    /// <summary>A text value; an empty string is missing, as in the CSV tables.</summary>
    public static string? String<TNode>(TNode node, string field)
        where TNode : struct, IDocNode<TNode> => node.Kind switch
        {
            NodeKind.Missing or NodeKind.Null => null,
            NodeKind.String or NodeKind.ObjectId => node.GetString() is { Length: > 0 } text ? text : null,
            NodeKind.Number when node.TryGetNumber(out var n) => n.ToString(CultureInfo.InvariantCulture),
            _ => throw WrongType(field, "a string", node.Kind),
        };

    /// <summary>Postal and INSEE codes: 5 characters; a number or a 4-digit string lost its leading zero.</summary>
    public static string? Code<TNode>(TNode node, string field)
        where TNode : struct, IDocNode<TNode>
    {
        // Codes repeat across documents: share one string per code, read from the bytes when they are plain.
        if (node.Kind == NodeKind.String && TryUtf8(node, out var utf8) && utf8.Length is 4 or 5
            && utf8.IndexOfAnyInRange((byte)0, (byte)' ') < 0 && Ascii.IsValid(utf8))
        {
            if (utf8.Length == 5 || !IsDigits(utf8))
            {
                return Names.Get(utf8);
            }

            Span<byte> padded = stackalloc byte[5];
            padded[0] = (byte)'0';
            utf8.CopyTo(padded[1..]);
            return Names.Get(padded);
        }

        var text = String(node, field)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length == 4 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
            ? "0" + text
            : text;
    }

    /// <summary>
    /// <see cref="String"/> for values with few distinct values (types, roles, statuses, housing answers, field
    /// names, codes): read without allocating and shared, one string instance per distinct value.
    /// </summary>
    public static string? Name<TNode>(TNode node, string field)
        where TNode : struct, IDocNode<TNode>
    {
        if (node.Kind == NodeKind.String && TryUtf8(node, out var utf8))
        {
            return utf8.IsEmpty ? null : Names.Get(utf8);
        }

        return String(node, field);
    }

    private static bool IsDigits(ReadOnlySpan<byte> utf8) => utf8.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;

    /// <summary>A string value's UTF-8 bytes without copying, when the encoding gives them as stored (no JSON escapes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryUtf8<TNode>(TNode node, out ReadOnlySpan<byte> utf8)
        where TNode : struct, IDocNode<TNode>
    {
        if (typeof(TNode) == typeof(BsonNode))
        {
            return Unsafe.As<TNode, BsonNode>(ref node).TryGetUtf8(out utf8);
        }

        if (typeof(TNode) == typeof(JsonTapeNode))
        {
            return Unsafe.As<TNode, JsonTapeNode>(ref node).TryGetUtf8(out utf8);
        }

        if (typeof(TNode) == typeof(JsonNode))
        {
            return Unsafe.As<TNode, JsonNode>(ref node).TryGetUtf8(out utf8);
        }

        utf8 = default;
        return false;
    }

    public static double? Number<TNode>(TNode node, string field)
        where TNode : struct, IDocNode<TNode>
    {
        switch (node.Kind)
        {
            case NodeKind.Missing or NodeKind.Null:
                return null;
            case NodeKind.Number when node.TryGetNumber(out var n):
                return double.IsFinite(n) ? n : null;
            case NodeKind.String:
                var text = node.GetString()!.Trim();
                if (text.Length == 0)
                {
                    return null;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                    || double.TryParse(text, NumberStyles.Float, CultureInfo.GetCultureInfo("fr-FR"), out parsed))
                {
                    return parsed;
                }

                throw new MappingException(RejectionReasons.WrongType, field, $"expected a number, found the string '{Clip(text)}'");
            default:
                throw WrongType(field, "a number", node.Kind);
        }
    }

    public static bool? Boolean<TNode>(TNode node, string field)
        where TNode : struct, IDocNode<TNode> => node.Kind switch
        {
            NodeKind.Missing or NodeKind.Null => null,
            NodeKind.Boolean when node.TryGetBoolean(out var b) => b,
            NodeKind.String when node.StringEquals("true"u8) => true,
            NodeKind.String when node.StringEquals("false"u8) => false,
            _ => throw WrongType(field, "a boolean", node.Kind),
        };

    /// <summary>An instant: a BSON/Extended JSON date, an ISO string (date-only = Paris midnight), or Unix milliseconds.</summary>
    public static DateTimeOffset? Instant<TNode>(TNode node, string field)
        where TNode : struct, IDocNode<TNode>
    {
        switch (node.Kind)
        {
            case NodeKind.Missing or NodeKind.Null:
                return null;
            case NodeKind.DateTime when node.TryGetInstant(out var instant):
                return instant;
            case NodeKind.Number when node.TryGetNumber(out var millis) && Math.Abs(millis) < 253402300799999d:
                return DateTimeOffset.FromUnixTimeMilliseconds((long)millis);
            case NodeKind.String:
                if (TryUtf8(node, out var utf8))
                {
                    if (IsoDates.TryParseDate(utf8, out var utf8Day))
                    {
                        return Model.ParisTime.Midnight(utf8Day);
                    }

                    if (IsoDates.TryParseUtcInstant(utf8, out var utf8Instant))
                    {
                        return utf8Instant;
                    }
                }

                var text = node.GetString()!;
                if (TryDateOnly(text, out var day))
                {
                    return Model.ParisTime.Midnight(day);
                }

                if (IsoDates.TryParseInstant(text, out var parsed))
                {
                    return parsed;
                }

                throw new MappingException(RejectionReasons.WrongType, field, $"'{Clip(text)}' is not a date");
            default:
                throw WrongType(field, "a date", node.Kind);
        }
    }

    /// <summary>A calendar date (birth date): instants are read in Paris time, date-only strings as they are.</summary>
    public static DateOnly? Date<TNode>(TNode node, string field)
        where TNode : struct, IDocNode<TNode>
    {
        if (node.Kind == NodeKind.String)
        {
            if (TryUtf8(node, out var utf8) && IsoDates.TryParseDate(utf8, out var utf8Day))
            {
                return utf8Day;
            }

            if (TryDateOnly(node.GetString()!, out var day))
            {
                return day;
            }
        }

        return Instant(node, field) is { } instant ? ParisTime.Date(instant) : null;
    }

    private static bool TryDateOnly(string text, out DateOnly day) =>
        IsoDates.TryParseDate(text, out day)
        || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static MappingException WrongType(string field, string expected, NodeKind found) =>
        new(RejectionReasons.WrongType, field, $"expected {expected}, found {Describe(found)}");

    private static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Object => "a document",
        NodeKind.Array => "an array",
        NodeKind.String => "a string",
        NodeKind.Number => "a number",
        NodeKind.Boolean => "a boolean",
        NodeKind.DateTime => "a date",
        NodeKind.ObjectId => "an ObjectId",
        _ => "a value of another BSON type",
    };

    /// <summary>Error messages quote at most a few characters of a value: enough to find it, not to leak it.</summary>
    public static string Clip(string text) => text.Length <= 20 ? text : string.Concat(text.AsSpan(0, 20), "…");
}

/// <summary>
/// One shared string per distinct short value read from documents (type names, roles, codes…), looked up
/// from UTF-8 bytes without allocating: millions of documents repeat a few thousand values.
/// </summary>
/// <remarks>One table per thread, keyed by the UTF-8 bytes (no transcoding on a hit): no lock and no
/// contention between the mapping threads (a concurrent dictionary's locks took a fifth of the CPU time).</remarks>
internal static class Names
{
    private const int MaxBytes = 64;
    // Per thread; the frequent values come early, so a small table is soon as useful as a large one.
    private const int MaxEntries = 16_384;

    [ThreadStatic]
    private static Table? _table;

    public static string Get(ReadOnlySpan<byte> utf8) =>
        utf8.Length > MaxBytes ? Encoding.UTF8.GetString(utf8) : (_table ??= new Table()).Get(utf8);

    /// <summary>Open addressing over UTF-8 keys, at most half full.</summary>
    private sealed class Table
    {
        private byte[]?[] _keys = new byte[]?[1024];
        private string[] _values = new string[1024];
        private int _count;

        public string Get(ReadOnlySpan<byte> utf8)
        {
            var hash = Hash(utf8);
            var mask = _keys.Length - 1;
            for (var i = (int)hash & mask; ; i = (i + 1) & mask)
            {
                var key = _keys[i];
                if (key is null)
                {
                    var text = Encoding.UTF8.GetString(utf8);
                    // Bounded: past the limit (an input with unusually many distinct values), strings are just not shared.
                    if (_count < MaxEntries)
                    {
                        _keys[i] = utf8.ToArray();
                        _values[i] = text;
                        if (++_count * 2 > _keys.Length)
                        {
                            Grow();
                        }
                    }

                    return text;
                }

                if (key.AsSpan().SequenceEqual(utf8))
                {
                    return _values[i];
                }
            }
        }

        private void Grow()
        {
            var (keys, values) = (_keys, _values);
            _keys = new byte[]?[keys.Length * 2];
            _values = new string[keys.Length * 2];
            var mask = _keys.Length - 1;
            for (var j = 0; j < keys.Length; j++)
            {
                if (keys[j] is { } key)
                {
                    var i = (int)Hash(key) & mask;
                    while (_keys[i] is not null)
                    {
                        i = (i + 1) & mask;
                    }

                    _keys[i] = key;
                    _values[i] = values[j];
                }
            }
        }

        /// <summary>FNV-1a, then a multiplicative mix so that the low bits depend on every byte.</summary>
        private static uint Hash(ReadOnlySpan<byte> utf8)
        {
            var hash = 2166136261u;
            foreach (var b in utf8)
            {
                hash = (hash ^ b) * 16777619u;
            }

            return (hash * 0x9E3779B1u) >> 7;
        }
    }
}

/// <summary>ISO 8601 dates and UTC instants as the simulator stored them, parsed without the general parser.</summary>
internal static class IsoDates
{
    /// <summary>Exactly <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-'
            || !TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    public static bool TryParseDate(string s, out DateOnly date)
    {
        Span<byte> bytes = stackalloc byte[10];
        date = default;
        if (s.Length != 10)
        {
            return false;
        }

        for (var i = 0; i < 10; i++)
        {
            if (s[i] > 127)
            {
                return false;
            }

            bytes[i] = (byte)s[i];
        }

        return TryParseDate(bytes, out date);
    }

    /// <summary>
    /// <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c> (what <c>mongoexport</c> and JavaScript write); anything else, such as an
    /// offset other than Z, is left to the general parser.
    /// </summary>
    public static bool TryParseUtcInstant(ReadOnlySpan<byte> s, out DateTimeOffset instant)
    {
        instant = default;
        if (s.Length < 20 || s[^1] != 'Z' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !TryParseDate(s[..10], out var date)
            || !TryDigits(s, 11, 2, out var hour) || !TryDigits(s, 14, 2, out var minute) || !TryDigits(s, 17, 2, out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long ticks = 0;
        if (s.Length > 20)
        {
            // A fraction of 1 to 7 digits.
            var digits = s.Length - 21;
            if (s[19] != '.' || digits is < 1 or > 7 || !TryDigits(s, 20, digits, out var fraction))
            {
                return false;
            }

            ticks = fraction;
            for (var i = digits; i < 7; i++)
            {
                ticks *= 10;
            }
        }
        else if (s.Length != 20)
        {
            return false;
        }

        var utc = date.ToDateTime(new TimeOnly(hour, minute, second), DateTimeKind.Utc).AddTicks(ticks);
        instant = new DateTimeOffset(utc);
        return true;
    }

    /// <summary>The general parser, after the fast path: any ISO form, offsets, local times read as UTC.</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        if (text.Length <= 40)
        {
            Span<byte> bytes = stackalloc byte[40];
            var ascii = true;
            for (var i = 0; i < text.Length && ascii; i++)
            {
                ascii = text[i] <= 127;
                bytes[i] = (byte)text[i];
            }

            if (ascii && TryParseUtcInstant(bytes[..text.Length], out instant))
            {
                return true;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }

    /// <summary><c>YYYY-MM</c> from UTF-8, as <see cref="YearMonth.TryParse"/> reads it from text.</summary>
    public static bool TryParseMonth(ReadOnlySpan<byte> s, out YearMonth month)
    {
        month = default;
        if (s.Length != 7 || s[4] != '-' || !TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var m) || m is < 1 or > 12)
        {
            return false;
        }

        month = new YearMonth(year, m);
        return true;
    }

    /// <summary><c>YYYY</c> from UTF-8: four ASCII digits.</summary>
    public static bool TryParseYear(ReadOnlySpan<byte> s, out int year)
    {
        year = 0;
        return s.Length == 4 && TryDigits(s, 0, 4, out year);
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}

/// <summary>Receives the members of an object one at a time; returns false to stop.</summary>
/// <remarks>The name is given as UTF-8 bytes, or as text when the encoding could not give bytes as stored (JSON escapes).</remarks>
internal interface IPropertyVisitor<TNode>
    where TNode : struct, IDocNode<TNode>
{
    bool Visit(ReadOnlySpan<byte> utf8Name, string? name, TNode value);
}

/// <summary>Member enumeration without a string per member name for the two document encodings.</summary>
internal static class Properties
{
    public static void Visit<TNode, TVisitor>(TNode node, ref TVisitor visitor)
        where TNode : struct, IDocNode<TNode>
        where TVisitor : struct, IPropertyVisitor<TNode>
    {
        if (typeof(TNode) == typeof(BsonNode))
        {
            Unsafe.As<TNode, BsonNode>(ref node).VisitProperties<TNode, TVisitor>(ref visitor);
            return;
        }

        if (typeof(TNode) == typeof(JsonTapeNode))
        {
            Unsafe.As<TNode, JsonTapeNode>(ref node).VisitProperties<TNode, TVisitor>(ref visitor);
            return;
        }

        if (typeof(TNode) == typeof(JsonNode))
        {
            Unsafe.As<TNode, JsonNode>(ref node).VisitProperties<TNode, TVisitor>(ref visitor);
            return;
        }

        foreach (var (name, value) in node.Properties())
        {
            if (!visitor.Visit(default, name, value))
            {
                return;
            }
        }
    }

    /// <summary>A member name as text, shared between documents (names repeat: periods, types).</summary>
    public static string Text(ReadOnlySpan<byte> utf8Name, string? name) => name ?? Names.Get(utf8Name);
}
