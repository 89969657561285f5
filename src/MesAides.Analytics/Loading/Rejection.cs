namespace MesAides.Analytics.Loading;

/// <summary>Stable ids of the reasons a stored document can be rejected (the audit's <c>rejected:&lt;reason&gt;</c> rows).</summary>
public static class RejectionReasons
{
    /// <summary>The bytes are not a JSON value (syntax error, truncated line, invalid UTF-8).</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>The bytes are not a BSON document (bad length prefix, truncated, malformed element).</summary>
    public const string InvalidBson = "invalid-bson";

    /// <summary>A CSV row that cannot be read back.</summary>
    public const string InvalidCsv = "invalid-csv";

    /// <summary>The input ended in the middle of a document or of the compressed stream.</summary>
    public const string Truncated = "truncated";

    /// <summary>The document is valid but matches none of the three storage formats.</summary>
    public const string UnknownFormat = "unknown-format";

    /// <summary>A field the model needs is absent (e.g. no date of value at all).</summary>
    public const string MissingField = "missing-field";

    /// <summary>A field has a value of the wrong type (e.g. <c>"loyer": "abc"</c>).</summary>
    public const string WrongType = "wrong-type";
}

/// <summary>Where a document sits in its input, for error messages.</summary>
public enum LocationKind
{
    Line,
    Byte,
    Element,
    Document,
}

/// <summary>A location such as "line 12" or "byte 4096" of a named input.</summary>
public readonly record struct DocumentLocation(string Source, LocationKind Kind, long Value)
{
    public override string ToString() => $"{Source}, {Kind.ToString().ToLowerInvariant()} {Value}";
}

/// <summary>
/// A document that could not be read or mapped. The message names the field but never prints the
/// document itself (usage data of vulnerable people).
/// </summary>
public sealed record Rejection(string Reason, DocumentLocation Location, string? Field, string Message)
{
    public override string ToString() =>
        Field is null ? $"{Location}: {Reason}: {Message}" : $"{Location}: {Reason}: field '{Field}': {Message}";
}

/// <summary>Thrown inside the mapper; becomes a <see cref="Rejection"/>.</summary>
public sealed class MappingException(string reason, string? field, string message) : Exception(message)
{
    public string Reason { get; } = reason;

    public string? Field { get; } = field;
}
