using System.Text;
using MesAides.Analytics.Loading;

namespace MesAides.Analytics.Tests.Loading.Mongo;

/// <summary>
/// A BSON node that writes down every path the mapper reads: <c>a.b</c> for a member, <c>a[]</c> for the
/// items of an array, <c>a.*</c> for the members of a document iterated as a whole.
/// </summary>
public readonly struct RecordingNode(BsonNode node, string path, ISet<string> reads) : IDocNode<RecordingNode>
{
    public static RecordingNode Root(byte[] document, ISet<string> reads) => new(BsonNode.Root(document), string.Empty, reads);

    public NodeKind Kind => node.Kind;

    public RecordingNode this[ReadOnlySpan<byte> utf8Name]
    {
        get
        {
            var name = Encoding.UTF8.GetString(utf8Name);
            var child = path.Length == 0 ? name : path + "." + name;
            reads.Add(child);
            return new RecordingNode(node[utf8Name], child, reads);
        }
    }

    public IEnumerable<RecordingNode> Items()
    {
        var child = path + "[]";
        reads.Add(child);
        foreach (var item in node.Items())
        {
            yield return new RecordingNode(item, child, reads);
        }
    }

    public IEnumerable<KeyValuePair<string, RecordingNode>> Properties()
    {
        var child = path + ".*";
        reads.Add(child);
        foreach (var (name, value) in node.Properties())
        {
            yield return new(name, new RecordingNode(value, child, reads));
        }
    }

    public string? GetString() => node.GetString();

    public bool TryGetNumber(out double value) => node.TryGetNumber(out value);

    public bool TryGetBoolean(out bool value) => node.TryGetBoolean(out value);

    public bool TryGetInstant(out DateTimeOffset value) => node.TryGetInstant(out value);

    public bool TryGetObjectIdTime(out DateTimeOffset value) => node.TryGetObjectIdTime(out value);

    public bool StringEquals(ReadOnlySpan<byte> utf8) => node.StringEquals(utf8);
}
