using System.Collections.Immutable;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Model;
using MongoDB.Bson;
using static MesAides.Analytics.Loading.Mongo.Agg;

namespace MesAides.Analytics.Loading.Mongo;

/// <summary>
/// Every query and pipeline the MongoDB source sends, as pure functions of the options (tested as
/// Extended JSON without a server). None writes: no <c>$out</c>, no <c>$merge</c>.
/// </summary>
public static class MongoQueries
{
    /// <summary>
    /// The fields the mapper reads, for all three formats (<c>SituationMapper</c>, <c>Legacy</c>, <c>OpenFisca</c>,
    /// <c>Answers</c>). <c>individus</c> and <c>answers</c> are whole: format B reads every property of an individual,
    /// format C every answer. <c>famille</c> and <c>foyer_fiscal</c> only tell format B apart; they are small.
    /// </summary>
    public static ImmutableArray<string> ProjectionFields { get; } =
    [
        "_id", "id", "version", "__v", "status", "modifiedFrom", "dateDeValeur", "createdAt",
        "individus",
        "logement.type", "logement.locationType", "logement.primoAccedant", "logement.loyer", "logement.charges", "logement.codePostal",
        "logement.adresse.codePostal", "logement.adresse.codeInsee", "logement.adresse.nomCommune", "logement.adresse.ville",
        "menage.statut_occupation_logement", "menage.loyer", "menage.charges_locatives", "menage.code_postal", "menage.depcom", "menage.nom_commune",
        "famille", "foyer_fiscal",
        "answers", "enfants", "ressourcesFiscales",
    ];

    public static BsonDocument Projection => new(ProjectionFields.Select(f => new BsonElement(f, 1)));

    /// <summary>Server order, so that reads are deterministic and a broken cursor can resume after the last id.</summary>
    public static BsonDocument Sort => new("_id", 1);

    /// <summary>The period (<c>dateDeValeur</c> in [start, end)) and the excluded statuses: the query of both paths.</summary>
    public static BsonDocument Filter(MongoSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var filter = new BsonDocument();
        var (start, end) = options.Period;
        if (start is not null || end is not null)
        {
            var range = new BsonDocument();
            if (start is { } s)
            {
                range["$gte"] = Date(s);
            }

            if (end is { } e)
            {
                range["$lt"] = Date(e);
            }

            filter["dateDeValeur"] = range;
        }

        if (!options.ExcludeStatuses.IsDefaultOrEmpty)
        {
            filter["status"] = new BsonDocument("$nin", new BsonArray(options.ExcludeStatuses));
        }

        return filter;
    }

    /// <summary>
    /// Documents after <paramref name="lastId"/> in <c>_id</c> order, to resume a broken cursor. <c>$gt</c>
    /// only compares within a type, so the types that sort later are added (both branches use the _id index).
    /// </summary>
    public static BsonDocument After(BsonValue lastId)
    {
        ArgumentNullException.ThrowIfNull(lastId);
        var later = LaterTypes(lastId.BsonType);
        var gt = new BsonDocument("_id", new BsonDocument("$gt", lastId));
        return later.Length == 0 ? gt : new BsonDocument("$or", new BsonArray { gt, new BsonDocument("_id", new BsonDocument("$type", new BsonArray(later))) });
    }

    /// <summary>BSON comparison order of the types an <c>_id</c> can have (arrays cannot be ids).</summary>
    private static readonly string[][] TypeOrder =
    [
        ["minKey"], ["null"], ["double", "int", "long", "decimal"], ["symbol", "string"], ["object"], ["binData"], ["objectId"],
        ["bool"], ["date"], ["timestamp"], ["regex"], ["maxKey"],
    ];

    private static string[] LaterTypes(BsonType type)
    {
        var name = type switch
        {
            BsonType.MinKey => "minKey",
            BsonType.Null or BsonType.Undefined => "null",
            BsonType.Double or BsonType.Int32 or BsonType.Int64 or BsonType.Decimal128 => "double",
            BsonType.String or BsonType.Symbol => "string",
            BsonType.Document => "object",
            BsonType.Binary => "binData",
            BsonType.ObjectId => "objectId",
            BsonType.Boolean => "bool",
            BsonType.DateTime => "date",
            BsonType.Timestamp => "timestamp",
            BsonType.RegularExpression => "regex",
            _ => "maxKey",
        };
        var index = Array.FindIndex(TypeOrder, bracket => bracket.Contains(name));
        return [.. TypeOrder.Skip(index + 1).SelectMany(t => t)];
    }

    /// <summary>
    /// Ids that may equal an ObjectId as text (a string of 24 hex digits, or a null <c>_id</c> whose <c>id</c> is
    /// used): the only way two documents of one collection can be duplicates for the cleaning rule.
    /// </summary>
    public static BsonDocument CollisionCandidates(MongoSourceOptions options) => And(Filter(options), new BsonDocument("$or", new BsonArray
    {
        new BsonDocument("_id", new BsonDocument { { "$type", "string" }, { "$regex", "^[0-9a-f]{24}$" } }),
        new BsonDocument("_id", BsonNull.Value),
    }));

    /// <summary>The plain test as a query filter (see <see cref="PlainDocuments"/>).</summary>
    public static BsonDocument PlainFilter(MongoSourceOptions options, CleaningOptions cleaning, IReadOnlyCollection<ObjectId>? colliders = null)
    {
        var terms = new List<BsonDocument> { Filter(options), new("$expr", PlainDocuments.Bind(PlainDocuments.Expression(cleaning))) };
        if (colliders is { Count: > 0 })
        {
            terms.Add(new BsonDocument("_id", new BsonDocument("$nin", new BsonArray(colliders))));
        }

        return And([.. terms]);
    }

    /// <summary>Documents the client maps and cleans itself: in the period, and not plain (or colliding ids).</summary>
    public static BsonDocument DoubtfulFilter(MongoSourceOptions options, CleaningOptions cleaning, IReadOnlyCollection<ObjectId>? colliders = null)
    {
        BsonDocument notPlain = new("$expr", Not(PlainDocuments.Bind(PlainDocuments.Expression(cleaning))));
        var doubtful = colliders is { Count: > 0 }
            ? new BsonDocument("$or", new BsonArray { notPlain, new BsonDocument("_id", new BsonDocument("$in", new BsonArray(colliders))) })
            : notPlain;
        return And(Filter(options), doubtful);
    }

    /// <summary>
    /// The first pushable cleaning rule a plain document breaks, in the cleaning order, or null. The rules
    /// before it that are not pushable provably pass on plain documents (see <see cref="PlainDocuments"/>).
    /// To be evaluated inside <c>PlainDocuments.Bind</c>.
    /// </summary>
    public static BsonDocument FirstRule(CleaningOptions cleaning)
    {
        ArgumentNullException.ThrowIfNull(cleaning);
        var branches = new List<(BsonValue, BsonValue)>();
        if (cleaning.IsEnabled(CleaningRules.Status))
        {
            branches.Add((And(TypeIs("$status", "string"), In("$status", Literal(cleaning.TestStatuses))), CleaningRules.Status));
        }

        if (cleaning.IsEnabled(CleaningRules.EditedCopy))
        {
            branches.Add((Or(TypeIs("$modifiedFrom", "objectId"), And(TypeIs("$modifiedFrom", "string"), Ne("$modifiedFrom", ""))), CleaningRules.EditedCopy));
        }

        if (cleaning.IsEnabled(CleaningRules.TestHousingValues))
        {
            branches.Add((Or(Eq(Loyer, cleaning.TestRent), Eq(Normalised(PostalCode), cleaning.TestPostalCode)), CleaningRules.TestHousingValues));
        }

        if (cleaning.IsEnabled(CleaningRules.TestCommune))
        {
            branches.Add((In(Normalised(Insee), Literal(cleaning.TestCommunes)), CleaningRules.TestCommune));
        }

        if (cleaning.IsEnabled(CleaningRules.BeforeStart))
        {
            // Paris date < start  ⇔  instant < Paris midnight of start.
            branches.Add((Lt("$dateDeValeur", Date(ParisTime.Midnight(cleaning.Start))), CleaningRules.BeforeStart));
        }

        return Switch(branches, BsonNull.Value);
    }

    /// <summary>The Paris calendar day of <c>dateDeValeur</c> as <c>yyyy-MM-dd</c>.</summary>
    public static BsonDocument ParisDay => Cond(
        TypeIs("$dateDeValeur", "date"),
        Op("$dateToString", new BsonDocument { { "date", "$dateDeValeur" }, { "format", "%Y-%m-%d" }, { "timezone", "Europe/Paris" } }),
        BsonNull.Value);

    /// <summary>
    /// The raw housing answers of each format, mapped on the client by <c>HousingStatuses</c> (there are few
    /// distinct values: one mapping code for both paths).
    /// </summary>
    public static BsonDocument HousingKey => ByFormat(
        new BsonDocument { { "f", "A" }, { "type", "$logement.type" }, { "locationType", "$logement.locationType" }, { "primoAccedant", "$logement.primoAccedant" } },
        new BsonDocument { { "f", "B" }, { "status", "$menage.statut_occupation_logement" } },
        new BsonDocument
        {
            { "f", "C" },
            { "logementType", FirstField(PlainDocuments.MenageAnswers("_logementType"), "value") },
            { "statut", FirstField(PlainDocuments.MenageAnswers("statut_occupation_logement"), "value") },
            { "locationType", FirstField(PlainDocuments.MenageAnswers("_locationType"), "value") },
            { "hlm", FirstField(PlainDocuments.MenageAnswers("_locataireHLM", "_locataireHlm"), "value") },
            { "primoAccedant", FirstField(PlainDocuments.MenageAnswers("_primoAccedant"), "value") },
        });

    /// <summary>The raw (postal code, fallback postal code, INSEE code) of each format, resolved on the client.</summary>
    public static BsonDocument GeographyKey => ByFormat(
        new BsonDocument { { "postal", "$logement.adresse.codePostal" }, { "postal2", "$logement.codePostal" }, { "insee", "$logement.adresse.codeInsee" } },
        new BsonDocument { { "postal", "$menage.code_postal" }, { "insee", "$menage.depcom" } },
        new BsonDocument { { "postal", AnswersPostal }, { "insee", AnswersInsee } });

    /// <summary>Counts of plain documents by format and first broken rule (null: kept).</summary>
    public static IReadOnlyList<BsonDocument> RulesPipeline(MongoSourceOptions options, CleaningOptions cleaning, IReadOnlyCollection<ObjectId>? colliders = null) =>
        Pipeline(options, cleaning, colliders, keptOnly: false, new BsonDocument { { "f", PlainDocuments.FormatVariable }, { "r", FirstRule(cleaning) } }, new BsonDocument { { "f", "$k.f" }, { "r", "$k.r" } });

    /// <summary>Kept plain documents by Paris day of <c>dateDeValeur</c>.</summary>
    public static IReadOnlyList<BsonDocument> DailyPipeline(MongoSourceOptions options, CleaningOptions cleaning, IReadOnlyCollection<ObjectId>? colliders = null) =>
        Pipeline(options, cleaning, colliders, keptOnly: true, new BsonDocument("day", ParisDay), "$k.day");

    /// <summary>Kept plain documents by raw housing answers.</summary>
    public static IReadOnlyList<BsonDocument> HousingPipeline(MongoSourceOptions options, CleaningOptions cleaning, IReadOnlyCollection<ObjectId>? colliders = null) =>
        Pipeline(options, cleaning, colliders, keptOnly: true, new BsonDocument("housing", HousingKey), "$k.housing");

    /// <summary>Kept plain documents by raw postal and INSEE codes.</summary>
    public static IReadOnlyList<BsonDocument> GeographyPipeline(MongoSourceOptions options, CleaningOptions cleaning, IReadOnlyCollection<ObjectId>? colliders = null) =>
        Pipeline(options, cleaning, colliders, keptOnly: true, new BsonDocument("geography", GeographyKey), "$k.geography");

    /// <summary>
    /// <c>$match</c> on the query (index on <c>dateDeValeur</c>), one <c>$project</c> computing the keys once per
    /// document, <c>$match</c> on plain (and kept), <c>$group</c>: every stage runs on the shards, only the
    /// partial groups travel.
    /// </summary>
    private static List<BsonDocument> Pipeline(
        MongoSourceOptions options, CleaningOptions cleaning, IReadOnlyCollection<ObjectId>? colliders, bool keptOnly, BsonDocument keys, BsonValue groupKey)
    {
        ArgumentNullException.ThrowIfNull(cleaning);
        var match = Filter(options);
        if (colliders is { Count: > 0 })
        {
            match = And(match, new BsonDocument("_id", new BsonDocument("$nin", new BsonArray(colliders))));
        }

        var computed = new BsonDocument("plain", PlainDocuments.Expression(cleaning));
        if (keptOnly)
        {
            computed["r"] = FirstRule(cleaning);
        }

        computed.AddRange(keys);
        var kept = new BsonDocument("k.plain", true);
        if (keptOnly)
        {
            kept["k.r"] = BsonNull.Value;
        }

        return
        [
            new BsonDocument("$match", match),
            new BsonDocument("$project", new BsonDocument { { "_id", 0 }, { "k", PlainDocuments.Bind(computed) } }),
            new BsonDocument("$match", kept),
            new BsonDocument("$group", new BsonDocument { { "_id", groupKey }, { "n", new BsonDocument("$sum", 1) } }),
        ];
    }

    /// <summary>One value per format, null for documents of no detected format (never plain).</summary>
    private static BsonDocument ByFormat(BsonValue a, BsonValue b, BsonValue c) => Switch(
        [(Eq(PlainDocuments.FormatVariable, "A"), a), (Eq(PlainDocuments.FormatVariable, "B"), b), (Eq(PlainDocuments.FormatVariable, "C"), c)],
        BsonNull.Value);

    /// <summary>Format C: the one household answer among depcom, _codePostal, code_postal (plain documents have at most one).</summary>
    private static BsonDocument Location(BsonValue body) =>
        Let(new BsonDocument("location", First(PlainDocuments.MenageAnswers("depcom", "_codePostal", "code_postal"))), body);

    private static BsonDocument AnswersInsee => Location(Cond(
        Eq("$$location.fieldName", "depcom"),
        Cond(IsObject("$$location.value"), "$$location.value.depcom", "$$location.value"),
        BsonNull.Value));

    private static BsonDocument AnswersPostal => Location(Cond(
        Eq("$$location.fieldName", "depcom"),
        Cond(IsObject("$$location.value"), "$$location.value._codePostal", BsonNull.Value),
        "$$location.value"));

    /// <summary>The monthly rent as the mapper reads it (format C: the one <c>loyer</c> answer, a number or <c>{loyer}</c>).</summary>
    private static BsonDocument Loyer => ByFormat(
        "$logement.loyer",
        "$menage.loyer",
        Let(new BsonDocument("rent", FirstField(PlainDocuments.MenageAnswers("loyer"), "value")), Cond(IsObject("$$rent"), "$$rent.loyer", "$$rent")));

    /// <summary>Format A falls back to <c>logement.codePostal</c> when the address has none (<c>Fields.Code</c> then gives null).</summary>
    private static BsonDocument PostalCode => ByFormat(
        IfNull(Normalised("$logement.adresse.codePostal"), "$logement.codePostal"),
        "$menage.code_postal",
        AnswersPostal);

    private static BsonDocument Insee => ByFormat("$logement.adresse.codeInsee", "$menage.depcom", AnswersInsee);

    /// <summary><c>Fields.Code</c> for plain codes (ASCII letters and digits): empty is null, 4 digits get their leading 0 back.</summary>
    private static BsonDocument Normalised(BsonValue code) => Let(new BsonDocument("code", code), Cond(
        TypeIs("$$code", "string"),
        Cond(Eq("$$code", ""), BsonNull.Value, Cond(Matches("$$code", "^[0-9]{4}$"), Concat("0", "$$code"), "$$code")),
        BsonNull.Value));

    private static BsonDocument And(params BsonDocument[] filters)
    {
        var nonEmpty = filters.Where(f => f.ElementCount > 0).ToList();
        return nonEmpty.Count switch
        {
            0 => [],
            1 => nonEmpty[0],
            _ => new BsonDocument("$and", new BsonArray(nonEmpty)),
        };
    }
}
