using System.Text.Json;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Tests.TestSupport;

/// <summary>A canonical text of situations, to compare model values field by field across input forms.</summary>
public static class ModelText
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of(Situation situation) => JsonSerializer.Serialize(situation, Options);

    public static IReadOnlyList<string> Of(IEnumerable<Situation> situations) => [.. situations.Select(Of)];
}
