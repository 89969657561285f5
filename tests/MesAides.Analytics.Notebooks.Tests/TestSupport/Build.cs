using System.Collections.Immutable;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Notebooks.Tests.TestSupport;

/// <summary>Small made-up inputs for the formatter tests.</summary>
public static class Build
{
    public static Situation Situation(string id, string? status = "new", string? commune = "Toulouse", string? insee = "31555") => new(
        id,
        StorageFormat.B,
        null,
        new DateTimeOffset(2016, 3, 15, 10, 0, 0, TimeSpan.Zero),
        status,
        null,
        new Household(HousingCategory.Locataire, "locataire_vide", 450, null, "31000", insee, commune),
        [new Individual("demandeur", "demandeur", new DateOnly(1980, 5, 17), null, [], ImmutableArray<FiscalAmount>.Empty)]);

    public static Rejection Rejection(long line, string message, string? field = "loyer") =>
        new(RejectionReasons.WrongType, new DocumentLocation("export.jsonl", LocationKind.Line, line), field, message);

    /// <summary>A load audit of the given situations and rejections, in that order.</summary>
    public static LoadResult Load(IEnumerable<Situation> situations, IEnumerable<Rejection>? rejections = null)
    {
        var audit = new LoadAudit("export.jsonl");
        var list = situations.ToList();
        foreach (var situation in list)
        {
            audit.Record(MapResult.Of(situation));
        }

        foreach (var rejection in rejections ?? [])
        {
            audit.Record(MapResult.Of(rejection));
        }

        return new LoadResult(list, audit);
    }
}
