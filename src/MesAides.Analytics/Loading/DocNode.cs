namespace MesAides.Analytics.Loading;

/// <summary>What a value of a stored document is, whatever its encoding (JSON, Extended JSON or BSON).</summary>
public enum NodeKind : byte
{
    Missing,
    Null,
    Object,
    Array,
    String,
    Number,
    Boolean,
    DateTime,
    ObjectId,
    Other,
}

/// <summary>
/// A read-only view of one value in a stored document. The mapper is written once against this
/// interface and runs, without boxing, over JSON (<see cref="JsonNode"/>) and raw BSON (<see cref="BsonNode"/>).
/// </summary>
public interface IDocNode<TNode>
    where TNode : struct, IDocNode<TNode>
{
    NodeKind Kind { get; }

    /// <summary>The named member of an object; <see cref="NodeKind.Missing"/> when absent or not an object.</summary>
    TNode this[ReadOnlySpan<byte> utf8Name] { get; }

    IEnumerable<TNode> Items();

    IEnumerable<KeyValuePair<string, TNode>> Properties();

    /// <summary>Strings as stored; ObjectIds as 24 hex digits.</summary>
    string? GetString();

    bool TryGetNumber(out double value);

    bool TryGetBoolean(out bool value);

    bool TryGetInstant(out DateTimeOffset value);

    /// <summary>The creation instant encoded in an ObjectId (fallback date of value).</summary>
    bool TryGetObjectIdTime(out DateTimeOffset value);

    /// <summary>Compares a string value with UTF-8 text without allocating.</summary>
    bool StringEquals(ReadOnlySpan<byte> utf8);
}
