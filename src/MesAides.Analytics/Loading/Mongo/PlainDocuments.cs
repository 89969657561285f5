using MesAides.Analytics.Cleaning;
using MongoDB.Bson;
using static MesAides.Analytics.Loading.Mongo.Agg;

namespace MesAides.Analytics.Loading.Mongo;

/// <summary>
/// The server-side test that a document is <b>plain</b>: every field the mapper reads has the type the
/// mapper expects, so it maps without rejection, its keys computed on the server equal the client's, and
/// the rules that cannot be pushed down (implausible age, test birth date) provably do not fire on it.
/// The test is conservative: a document it does not accept is <i>doubtful</i> and is fetched and decided
/// on the client by the same code as the client path. Mirrors <c>SituationMapper</c>, <c>Legacy</c>,
/// <c>OpenFisca</c>, <c>Answers</c> and <c>Fields</c>: a change there must be reflected here.
/// </summary>
internal static class PlainDocuments
{
    /// <summary>Variables bound by <see cref="Bind"/>: the detected format and format C's answers list.</summary>
    public const string FormatVariable = "$$format";
    public const string AnswersVariable = "$$answers";

    private const long Day = 86_400_000;

    /// <summary>Dates of value outside these bounds are left to the client (Paris conversions near year 1 or 9999).</summary>
    private static readonly BsonDateTime EarliestDate = new(new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly BsonDateTime LatestDate = new(new DateTime(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    /// <summary><c>YYYY-MM</c> or <c>YYYY</c> (with a length check: PCRE's <c>$</c> also matches before a final newline).</summary>
    private const string PeriodPattern = "^[0-9]{4}(-(0[1-9]|1[0-2]))?$";

    /// <summary>Wraps <paramref name="body"/> so that it can use <see cref="FormatVariable"/> and <see cref="AnswersVariable"/>.</summary>
    public static BsonDocument Bind(BsonValue body) =>
        Let(new BsonDocument { { "format", Format }, { "answers", AnswersList } }, body);

    /// <summary><c>SituationMapper.DetectFormat</c> for the shapes it decides from the top-level fields; null otherwise (doubtful).</summary>
    public static BsonDocument Format => Switch(
        [
            (TypeIn("$answers", "object", "array"), "C"),
            (Or(IsObject("$menage"), IsObject("$foyer_fiscal"), IsObject("$famille")), "B"),
            (IsObject("$logement"), "A"),
        ],
        BsonNull.Value);

    /// <summary>Format C's answers: <c>answers</c> itself when it is an array, else <c>answers.all</c>, else none.</summary>
    public static BsonDocument AnswersList => Cond(
        IsArray("$answers"),
        "$answers",
        Cond(IsObject("$answers"), ArrayOrEmpty("$answers.all"), new BsonArray()));

    /// <summary>The plain test, to be evaluated inside <see cref="Bind"/>.</summary>
    public static BsonValue Expression(CleaningOptions cleaning)
    {
        var checks = new Checks(cleaning);
        return And(
            TypeIs("$_id", "objectId"), // ids of other types may equal another document's id as text (duplicate rule)
            TypeIs("$dateDeValeur", "date"),
            Gte("$dateDeValeur", EarliestDate),
            Lt("$dateDeValeur", LatestDate),
            StringOrNull("$status"),
            IdOrNull("$modifiedFrom"),
            NumberOrNull("$version"),
            NumberOrNull("$__v"),
            Switch(
                [
                    (Eq(FormatVariable, "A"), checks.Legacy()),
                    (Eq(FormatVariable, "B"), checks.OpenFisca()),
                    (Eq(FormatVariable, "C"), checks.Answers()),
                ],
                false));
    }

    public static BsonDocument StringOrNull(BsonValue value) => TypeIn(value, "missing", "null", "string");

    public static BsonDocument NumberOrNull(BsonValue value) => TypeIn(value, ["missing", "null", .. Numbers]);

    public static BsonDocument BooleanOrNull(BsonValue value) => TypeIn(value, "missing", "null", "bool");

    /// <summary><c>Fields.Name</c> reads "" as null: where null is rejected, the value must be a non-empty string.</summary>
    public static BsonDocument NonEmptyString(BsonValue value) => Cond(TypeIs(value, "string"), Ne(value, ""), false);

    /// <summary>What <c>Fields.String</c> reads as an id without loss: strings and ObjectIds.</summary>
    public static BsonDocument IdOrNull(BsonValue value) => TypeIn(value, "missing", "null", "string", "objectId");

    /// <summary>Postal and INSEE codes made of ASCII letters and digits only, so that <c>Trim</c> is the identity.</summary>
    public static BsonDocument Code(BsonValue value) =>
        Cond(TypeIs(value, "string"), Not(Matches(value, "[^0-9A-Za-z]")), TypeIn(value, "missing", "null"));

    /// <summary>The individual checks depend on the cleaning thresholds (the age screens).</summary>
    private sealed class Checks(CleaningOptions cleaning)
    {
        private readonly bool _screenAge = cleaning.IsEnabled(CleaningRules.ImplausibleAge);
        private readonly bool _screenBirthDate = cleaning.IsEnabled(CleaningRules.TestBirthDate);

        /// <summary>Format A: <c>logement</c> and <c>individus[].ressources[]</c>.</summary>
        public BsonValue Legacy() => And(
            StringOrNull("$logement.type"),
            StringOrNull("$logement.locationType"),
            BooleanOrNull("$logement.primoAccedant"),
            NumberOrNull("$logement.loyer"),
            NumberOrNull("$logement.charges"),
            Code("$logement.adresse.codePostal"),
            Code("$logement.codePostal"),
            Code("$logement.adresse.codeInsee"),
            StringOrNull("$logement.adresse.nomCommune"),
            StringOrNull("$logement.adresse.ville"),
            All(ArrayOrEmpty("$individus"), "person", Cond(
                IsObject("$$person"),
                And(
                    IdOrNull("$$person._id"),
                    IdOrNull("$$person.id"),
                    StringOrNull("$$person.role"),
                    BirthDate("$$person.dateDeNaissance"),
                    All(ArrayOrEmpty("$$person.ressources"), "resource", LegacyResource("$$resource"))),
                true)));

        /// <summary>A resource must be a document with a non-empty string type (else the mapper rejects it); its period must parse when it has an amount.</summary>
        private static BsonDocument LegacyResource(string resource) => Cond(
            IsObject(resource),
            And(
                NonEmptyString(resource + ".type"),
                StringOrNull(resource + ".periode"),
                NumberOrNull(resource + ".montant"),
                Cond(
                    And(TypeIs(resource + ".periode", "string"), TypeIn(resource + ".montant", Numbers)),
                    Period(resource + ".periode"),
                    true)),
            false);

        /// <summary>Format B: <c>menage</c> and individuals holding period maps.</summary>
        public BsonValue OpenFisca() => And(
            StringOrNull("$menage.statut_occupation_logement"),
            NumberOrNull("$menage.loyer"),
            NumberOrNull("$menage.charges_locatives"),
            Code("$menage.code_postal"),
            Code("$menage.depcom"),
            StringOrNull("$menage.nom_commune"),
            All(ArrayOrEmpty("$individus"), "person", Cond(
                IsObject("$$person"),
                And(
                    IdOrNull("$$person.id"),
                    IdOrNull("$$person._id"),
                    StringOrNull("$$person.role"),
                    BirthDate("$$person.date_naissance"),
                    All(ObjectToArray("$$person"), "property", PeriodMapIsSafe("$$property.v"))),
                true)));

        /// <summary>Format C: the answers list, with at most one answer for each household field read (order then does not matter).</summary>
        public BsonValue Answers() => And(
            All(AnswersVariable, "answer", Answer("$$answer")),
            AtMostOne("depcom", "_codePostal", "code_postal"),
            AtMostOne("_logementType", "statut_occupation_logement"),
            AtMostOne("_locationType"),
            AtMostOne("_locataireHLM", "_locataireHlm"),
            AtMostOne("_primoAccedant"),
            AtMostOne("loyer"),
            Cond(IsArray("$enfants"), All("$enfants", "child", TypeIn("$$child", "null", "string")), true),
            Cond(
                IsObject("$ressourcesFiscales"),
                All(ObjectToArray("$ressourcesFiscales"), "person", Cond(
                    IsObject("$$person.v"),
                    All(ObjectToArray("$$person.v"), "amount", NumberOrNull("$$amount.v")),
                    true)),
                true));

        private static BsonDocument AtMostOne(params string[] fields) =>
            Lte(Size(MenageAnswers(fields)), 1);

        private BsonDocument Answer(string answer) => Cond(
            IsObject(answer),
            And(
                StringOrNull(answer + ".fieldName"),
                StringOrNull(answer + ".entityName"), // a BSON symbol would equal "menage" on the server only
                Switch(
                    [
                        (Eq(answer + ".entityName", "individu"), And(IdOrNull(answer + ".id"), IndividualAnswer(answer))),
                        (Eq(answer + ".entityName", "menage"), MenageAnswer(answer)),
                    ],
                    true)),
            true);

        private BsonDocument IndividualAnswer(string answer)
        {
            var value = answer + ".value";
            return Switch(
                [
                    (Eq(answer + ".fieldName", "date_naissance"), BirthDate(value)),
                    (Eq(answer + ".fieldName", "age"), DeclaredAge(value)),
                ],
                Cond(IsArray(value), All(value, "item", Cond(
                    IsObject("$$item"),
                    And(
                        PeriodMapIsSafe("$$item.amounts"),
                        Cond(IsObject("$$item.amounts"), NonEmptyString("$$item.id"), true)),
                    true)), true));
        }

        private static BsonDocument MenageAnswer(string answer)
        {
            var field = answer + ".fieldName";
            var value = answer + ".value";
            return Switch(
                [
                    (In(field, new BsonArray { "_logementType", "statut_occupation_logement", "_locationType" }), StringOrNull(value)),
                    (In(field, new BsonArray { "_locataireHLM", "_locataireHlm", "_primoAccedant" }), BooleanOrNull(value)),
                    (Eq(field, "loyer"), Cond(IsObject(value), And(NumberOrNull(value + ".loyer"), NumberOrNull(value + ".charges_locatives")), NumberOrNull(value))),
                    (Eq(field, "charges_locatives"), NumberOrNull(value)),
                    (Eq(field, "depcom"), Cond(IsObject(value), And(Code(value + ".depcom"), Code(value + "._codePostal"), StringOrNull(value + "._nomCommune")), Code(value))),
                    (In(field, new BsonArray { "_codePostal", "code_postal" }), Code(value)),
                ],
                true);
        }

        /// <summary>
        /// <c>Fields.Date</c> succeeds (a date, or a valid <c>yyyy-MM-dd</c> string), and the age rules
        /// provably pass: born at least 2 days before the date of value and less than (max age + 1) × 365 − 2
        /// days before it, not within 2 days of the test birth date. The 2-day margins absorb the Paris offset.
        /// </summary>
        private BsonDocument BirthDate(string value)
        {
            var fromString = Op("$dateFromString", new BsonDocument { { "dateString", value }, { "format", "%Y-%m-%d" }, { "onError", BsonNull.Value } });
            var validString = And(
                Eq(StrLenBytes(value), 10),
                Matches(value, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
                Ne(Op("$substrBytes", new BsonArray { value, 0, 4 }), "0000"),
                Eq(Op("$dateToString", new BsonDocument { { "date", fromString }, { "format", "%Y-%m-%d" } }), value));
            return Switch(
                [
                    (TypeIn(value, "missing", "null"), true),
                    (TypeIs(value, "date"), And(Gte(value, new BsonDateTime(new DateTime(1800, 1, 1, 0, 0, 0, DateTimeKind.Utc))), Lt(value, LatestDate), Screen(value))),
                    (TypeIs(value, "string"), Cond(validString, Let(new BsonDocument("birth", fromString), Screen("$$birth")), false)),
                ],
                false);
        }

        private BsonValue Screen(BsonValue birth)
        {
            var terms = new List<BsonValue>();
            if (_screenAge)
            {
                var lived = Subtract("$dateDeValeur", birth);
                terms.Add(Gte(lived, 2 * Day));
                terms.Add(Lt(lived, ((365L * (cleaning.MaxAge + 1)) - 2) * Day));
            }

            if (_screenBirthDate)
            {
                var test = Date(Model.ParisTime.Midnight(cleaning.TestBirthDate));
                terms.Add(Or(Lt(birth, Subtract(test, 2 * Day)), Gte(birth, Op("$add", new BsonArray { test, 2 * Day }))));
            }

            return terms.Count == 0 ? true : And([.. terms]);
        }

        /// <summary>An anonymised age: a number in [0, max age + 1), so that its floor is a plausible age.</summary>
        private BsonValue DeclaredAge(string value) => _screenAge
            ? And(NumberOrNull(value), Cond(TypeIn(value, Numbers), And(Gte(value, 0), Lt(value, cleaning.MaxAge + 1)), true))
            : NumberOrNull(value);

        /// <summary>
        /// <c>SituationMapper.IsPeriodMap</c> then <c>AddPeriodMap</c> cannot throw: not a document, or empty,
        /// or holding a non-number (then it is not a period map), or every key a valid period.
        /// </summary>
        private static BsonDocument PeriodMapIsSafe(string value) => Cond(
            IsObject(value),
            Let(new BsonDocument("entries", ObjectToArray(value)), Or(
                Eq(Size("$$entries"), 0),
                Any("$$entries", "entry", Not(TypeIn("$$entry.v", AnyNumber))),
                All("$$entries", "entry", And(TypeIn("$$entry.v", Numbers), Period("$$entry.k"))))),
            true);

        private static BsonValue Period(string value) => And(
            In(StrLenBytes(value), new BsonArray { 4, 7 }),
            Matches(value, PeriodPattern));
    }

    /// <summary>The household answers of format C for some field names.</summary>
    public static BsonDocument MenageAnswers(params string[] fields) => Filter(
        AnswersVariable,
        "candidate",
        And(Eq("$$candidate.entityName", "menage"), In("$$candidate.fieldName", new BsonArray(fields))));
}
