using MongoDB.Bson;

namespace MesAides.Analytics.Loading.Mongo;

/// <summary>
/// Builders of MongoDB aggregation expressions, so that the pipelines read like the C# they mirror.
/// Operators that fail on an unexpected type (<c>$regexMatch</c>, <c>$objectToArray</c>…) are always
/// reached through <see cref="Cond"/> on the type: <c>$and</c> short-circuits, but <c>$cond</c> says so.
/// </summary>
internal static class Agg
{
    public static readonly string[] Numbers = ["double", "int", "long"];

    /// <summary>What <c>NodeKind.Number</c> covers on the client (Decimal128 included).</summary>
    public static readonly string[] AnyNumber = ["double", "int", "long", "decimal"];

    public static BsonDocument Op(string name, BsonValue argument) => new(name, argument);

    public static BsonValue And(params BsonValue[] terms) => terms.Length == 1 ? terms[0] : Op("$and", new BsonArray(terms));

    public static BsonValue Or(params BsonValue[] terms) => terms.Length == 1 ? terms[0] : Op("$or", new BsonArray(terms));

    public static BsonDocument Not(BsonValue term) => Op("$not", new BsonArray { term });

    public static BsonDocument Eq(BsonValue a, BsonValue b) => Op("$eq", new BsonArray { a, b });

    public static BsonDocument Ne(BsonValue a, BsonValue b) => Op("$ne", new BsonArray { a, b });

    public static BsonDocument Lt(BsonValue a, BsonValue b) => Op("$lt", new BsonArray { a, b });

    public static BsonDocument Lte(BsonValue a, BsonValue b) => Op("$lte", new BsonArray { a, b });

    public static BsonDocument Gte(BsonValue a, BsonValue b) => Op("$gte", new BsonArray { a, b });

    public static BsonDocument In(BsonValue value, BsonValue array) => Op("$in", new BsonArray { value, array });

    /// <summary>Constant strings that must never be read as field paths (user settings may start with '$').</summary>
    public static BsonDocument Literal(IEnumerable<string> values) => Op("$literal", new BsonArray(values));

    public static BsonDocument Type(BsonValue value) => Op("$type", value);

    public static BsonDocument TypeIn(BsonValue value, params string[] types) => In(Type(value), new BsonArray(types));

    public static BsonDocument TypeIs(BsonValue value, string type) => Eq(Type(value), type);

    public static BsonDocument IsObject(BsonValue value) => TypeIs(value, "object");

    public static BsonDocument IsArray(BsonValue value) => TypeIs(value, "array");

    public static BsonDocument Cond(BsonValue condition, BsonValue then, BsonValue otherwise) =>
        Op("$cond", new BsonArray { condition, then, otherwise });

    /// <summary>Branches in order, the first true wins; <paramref name="otherwise"/> when none is.</summary>
    public static BsonDocument Switch(IEnumerable<(BsonValue Case, BsonValue Then)> branches, BsonValue otherwise) =>
        Op("$switch", new BsonDocument
        {
            { "branches", new BsonArray(branches.Select(b => new BsonDocument { { "case", b.Case }, { "then", b.Then } })) },
            { "default", otherwise },
        });

    public static BsonDocument Let(BsonDocument variables, BsonValue body) =>
        Op("$let", new BsonDocument { { "vars", variables }, { "in", body } });

    public static BsonDocument Map(BsonValue input, string variable, BsonValue body) =>
        Op("$map", new BsonDocument { { "input", input }, { "as", variable }, { "in", body } });

    public static BsonDocument Filter(BsonValue input, string variable, BsonValue condition) =>
        Op("$filter", new BsonDocument { { "input", input }, { "as", variable }, { "cond", condition } });

    /// <summary>True when <paramref name="predicate"/> holds for every element (and for an empty array).</summary>
    public static BsonDocument All(BsonValue array, string variable, BsonValue predicate) =>
        Op("$allElementsTrue", new BsonArray { Map(array, variable, predicate) });

    public static BsonDocument Any(BsonValue array, string variable, BsonValue predicate) =>
        Op("$anyElementTrue", new BsonArray { Map(array, variable, predicate) });

    public static BsonDocument Size(BsonValue array) => Op("$size", array);

    public static BsonDocument First(BsonValue array) => Op("$arrayElemAt", new BsonArray { array, 0 });

    /// <summary>A field of the first element of <paramref name="array"/>, missing when the array is empty.</summary>
    public static BsonDocument FirstField(BsonValue array, string field) =>
        Let(new BsonDocument("first", First(array)), "$$first." + field);

    /// <summary>The array itself, or an empty array for anything else (the client iterates nothing then).</summary>
    public static BsonDocument ArrayOrEmpty(BsonValue value) => Cond(Op("$isArray", new BsonArray { value }), value, new BsonArray());

    public static BsonDocument ObjectToArray(BsonValue value) => Op("$objectToArray", value);

    /// <summary>Must only be reached for strings (see the class remarks).</summary>
    public static BsonDocument Matches(BsonValue input, string regex) =>
        Op("$regexMatch", new BsonDocument { { "input", input }, { "regex", regex } });

    public static BsonDocument StrLenBytes(BsonValue input) => Op("$strLenBytes", input);

    public static BsonDocument IfNull(BsonValue value, BsonValue replacement) => Op("$ifNull", new BsonArray { value, replacement });

    public static BsonDocument Subtract(BsonValue a, BsonValue b) => Op("$subtract", new BsonArray { a, b });

    public static BsonDocument Concat(params BsonValue[] parts) => Op("$concat", new BsonArray(parts));

    public static BsonDateTime Date(DateTimeOffset instant) => new(instant.UtcDateTime);
}
