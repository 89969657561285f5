using System.Globalization;

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
        var text = String(node, field)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length == 4 && text.All(char.IsAsciiDigit) ? "0" + text : text;
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
                var text = node.GetString()!;
                if (TryDateOnly(text, out var day))
                {
                    return Model.ParisTime.Midnight(day);
                }

                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
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
        if (node.Kind == NodeKind.String && TryDateOnly(node.GetString()!, out var day))
        {
            return day;
        }

        return Instant(node, field) is { } instant ? Model.ParisTime.Date(instant) : null;
    }

    private static bool TryDateOnly(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

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
