using System.Globalization;
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
