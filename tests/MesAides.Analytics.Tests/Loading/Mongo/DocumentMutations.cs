using MongoDB.Bson;

namespace MesAides.Analytics.Tests.Loading.Mongo;

/// <summary>
/// Mutations of stored documents that reach every branch of the plain test (types, codes, answers, ids,
/// dates near thresholds): the pushdown must stay exact on them, deciding doubtful ones on the client.
/// </summary>
internal static class DocumentMutations
{
    public static readonly string[] Names = ["tz", "loyerString", "postalInt", "postalSpaces", "postal4", "postalEmpty", "cDupDepcom", "cArray", "bBadKey", "aBadPeriod", "aNoPeriod",
        "statusInt", "statusBool", "modEmpty", "collider", "bTestBirth", "cAgeString", "cAge120", "dateString", "noDate", "adresseArray", "individusObject", "famille",
        "versionString", "lowerCode", "cNullLt", "cLoyerNumber", "old", "decimalLoyer", "nestedId", "birthNear", "cAgeNeg", "aResNoType", "bIdNumber", "enfantsBad",
        "fiscalString", "codePostalNum4", "cHlmString", "birthString0000", "birthFeb30", "periodNewline", "codeNewline", "symbolEntity", "idNull", "modObjectId", "cAnswersObjNoAll", "stringDateValeur2", "loyerNaN", "aLoyer123", "postal12345sp", "insee55039", "c4digitInsee", "aEmptyType", "cEmptyItemId", "aEmptyPeriod"];

    /// <summary>Mutates about half of the documents, each with the next mutation in turn; keeps one document per _id, in _id order.</summary>
    public static List<BsonDocument> Apply(List<BsonDocument> docs, int seed)
    {
        var random = new Random(seed * 31);
        var result = new List<BsonDocument>();
        var i = 0;
        foreach (var original in docs)
        {
            var d = original.DeepClone().AsBsonDocument;
            if (random.NextDouble() < 0.5) { Mutate(d, Names[i++ % Names.Length], random, docs); }
            result.Add(d);
        }
        return [.. result.GroupBy(d => d["_id"]).Select(g => g.First()).OrderBy(d => d["_id"])];
    }

    static BsonDocument? Menage(BsonDocument d) => d.Contains("menage") ? d["menage"].AsBsonDocument : null;
    static BsonArray? Answers(BsonDocument d) => d.Contains("answers") ? d["answers"]["all"].AsBsonArray : null;
    static BsonDocument? Answer(BsonDocument d, string field) => Answers(d)?.Select(a => a.AsBsonDocument).FirstOrDefault(a => a["fieldName"] == field);
    static void SetPostal(BsonDocument d, BsonValue v)
    {
        if (d.Contains("logement")) d["logement"]["adresse"]["codePostal"] = v;
        else if (Menage(d) is { } m) m["code_postal"] = v;
        else if (Answer(d, "depcom") is { } a) a["value"]["_codePostal"] = v;
    }
    static void SetInsee(BsonDocument d, BsonValue v)
    {
        if (d.Contains("logement")) d["logement"]["adresse"]["codeInsee"] = v;
        else if (Menage(d) is { } m) m["depcom"] = v;
        else if (Answer(d, "depcom") is { } a) a["value"]["depcom"] = v;
    }
    static void SetLoyer(BsonDocument d, BsonValue v)
    {
        if (d.Contains("logement")) d["logement"]["loyer"] = v;
        else if (Menage(d) is { } m) m["loyer"] = v;
        else if (Answers(d) is { } all) all.Add(new BsonDocument { { "entityName", "menage" }, { "fieldName", "loyer" }, { "value", v } });
    }
    static BsonArray? Individus(BsonDocument d) => d.Contains("individus") && d["individus"].IsBsonArray ? d["individus"].AsBsonArray : null;

    static void Mutate(BsonDocument d, string m, Random r, List<BsonDocument> docs)
    {
        var date = d["dateDeValeur"].IsBsonDateTime ? d["dateDeValeur"].ToUniversalTime() : new DateTime(2019, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        switch (m)
        {
            case "tz": d["dateDeValeur"] = new BsonDateTime(date.Date.AddHours(r.Next(2) == 0 ? 22.5 : 23.5)); break;
            case "loyerString": SetLoyer(d, "450"); break;
            case "postalInt": SetPostal(d, 75001); break;
            case "postalSpaces": SetPostal(d, " 75001 "); break;
            case "postal4": SetPostal(d, "1234"); break;
            case "postalEmpty": SetPostal(d, ""); if (d.Contains("logement")) d["logement"]["codePostal"] = "12345"; break;
            case "cDupDepcom": if (Answer(d, "depcom") is { } dep) Answers(d)!.Add(new BsonDocument { { "entityName", "menage" }, { "fieldName", "_codePostal" }, { "value", "12345" } }); break;
            case "cArray": if (Answers(d) is { } all) d["answers"] = all; break;
            case "bBadKey": if (Menage(d) is not null && Individus(d) is { } ind) ind[0]["foo"] = new BsonDocument("abcd", 1); break;
            case "aBadPeriod": if (d.Contains("logement") && Individus(d) is { } ia && ia[0]["ressources"].AsBsonArray.Count > 0) ia[0]["ressources"][0]["periode"] = "2015-13"; break;
            case "aNoPeriod": if (d.Contains("logement") && Individus(d) is { } ib && ib[0]["ressources"].AsBsonArray.Count > 0) ib[0]["ressources"][0].AsBsonDocument.Remove("periode"); break;
            case "statusInt": d["status"] = 1; break;
            case "statusBool": d["status"] = true; break;
            case "modEmpty": d["modifiedFrom"] = ""; break;
            case "collider": { var other = docs[r.Next(docs.Count)]["_id"].AsObjectId; d["_id"] = other.ToString(); break; }
            case "bTestBirth": if (Individus(d) is { } ic) ic[0][d.Contains("logement") ? "dateDeNaissance" : "date_naissance"] = d.Contains("logement") ? new BsonDateTime(new DateTime(2012, 12, 11, 23, 0, 0, DateTimeKind.Utc)) : "2012-12-12"; break;
            case "cAgeString": if (Answer(d, "age") is { } age) age["value"] = "34"; break;
            case "cAge120": if (Answer(d, "age") is { } age2) age2["value"] = r.Next(2) == 0 ? 120.5 : 121; break;
            case "dateString": d["dateDeValeur"] = date.ToString("yyyy-MM-dd"); break;
            case "noDate": d.Remove("dateDeValeur"); break;
            case "adresseArray": if (d.Contains("logement")) d["logement"]["adresse"] = new BsonArray { d["logement"]["adresse"] }; break;
            case "individusObject": if (Individus(d) is { } io) d["individus"] = io[0]; break;
            case "famille": if (Menage(d) is not null) { d.Remove("menage"); d["famille"] = new BsonDocument(); } break;
            case "versionString": d["version"] = "11"; break;
            case "lowerCode": SetInsee(d, "2a004"); break;
            case "cNullLt": if (Answers(d) is { } all2) all2.Add(new BsonDocument { { "entityName", "menage" }, { "fieldName", "statut_occupation_logement" }, { "value", "proprietaire" } }); break;
            case "cLoyerNumber": if (Answer(d, "loyer") is { } l) l["value"] = 123; break;
            case "old": d["dateDeValeur"] = new BsonDateTime(new DateTime(1899, 12, 31, 12, 0, 0, DateTimeKind.Utc)); break;
            case "decimalLoyer": SetLoyer(d, new BsonDecimal128(123.0000000000000000001m)); break;
            case "nestedId": d["_id"] = new BsonDocument("x", r.Next()); break;
            case "birthNear": if (Individus(d) is { } inear && d.Contains("logement")) inear[0]["dateDeNaissance"] = new BsonDateTime(date.AddYears(-121).AddDays(r.Next(-3, 4))); break;
            case "cAgeNeg": if (Answer(d, "age") is { } age3) age3["value"] = -1; break;
            case "aResNoType": if (d.Contains("logement") && Individus(d) is { } ir && ir[0]["ressources"].AsBsonArray.Count > 0) ir[0]["ressources"][0].AsBsonDocument.Remove("type"); break;
            case "bIdNumber": if (Menage(d) is not null && Individus(d) is { } inum) inum[0]["id"] = 7; break;
            case "enfantsBad": d["enfants"] = new BsonArray { new BsonDocument() }; break;
            case "fiscalString": d["ressourcesFiscales"] = new BsonDocument("demandeur", new BsonDocument("salaire_imposable", "abc")); break;
            case "codePostalNum4": SetPostal(d, 1000); break;
            case "cHlmString": if (Answer(d, "_locataireHLM") is { } h) h["value"] = "true"; break;
            case "birthString0000": if (Menage(d) is not null && Individus(d) is { } i0) i0[0]["date_naissance"] = "0000-01-01"; break;
            case "birthFeb30": if (Menage(d) is not null && Individus(d) is { } i1) i1[0]["date_naissance"] = "1980-02-30"; break;
            case "periodNewline": if (Menage(d) is not null && Individus(d) is { } i2) i2[0]["salaire_net"] = new BsonDocument("2015-01\n", 1000); break;
            case "codeNewline": SetPostal(d, "75001\n"); break;
            case "symbolEntity": if (Answers(d) is { } all3) all3.Add(new BsonDocument { { "entityName", (BsonSymbol)"menage" }, { "fieldName", "loyer" }, { "value", 123 } }); break;
            case "idNull": d["_id"] = BsonNull.Value; d["id"] = docs[r.Next(docs.Count)]["_id"].AsObjectId; break;
            case "modObjectId": d["modifiedFrom"] = ObjectId.GenerateNewId(); break;
            case "cAnswersObjNoAll": if (d.Contains("answers")) d["answers"] = new BsonDocument("current", new BsonArray()); break;
            case "stringDateValeur2": d["dateDeValeur"] = date.ToString("O"); break;
            case "loyerNaN": SetLoyer(d, double.NaN); break;
            case "aLoyer123": SetLoyer(d, 123.0); break;
            case "postal12345sp": SetPostal(d, "12345 "); break;
            case "insee55039": SetInsee(d, "55039"); break;
            case "c4digitInsee": SetInsee(d, "5039"); break;
            case "aEmptyType": if (d.Contains("logement") && Individus(d) is { } ie && ie[0]["ressources"].AsBsonArray.Count > 0) ie[0]["ressources"][0]["type"] = ""; break;
            case "aEmptyPeriod": if (d.Contains("logement") && Individus(d) is { } ip && ip[0]["ressources"].AsBsonArray.Count > 0) ip[0]["ressources"][0]["periode"] = ""; break;
            case "cEmptyItemId": if (Answers(d) is { } all4) { var item = all4.Select(a => a.AsBsonDocument).FirstOrDefault(a => a["value"].IsBsonArray && a["value"].AsBsonArray.Any(v => v.IsBsonDocument)); if (item is not null) item["value"].AsBsonArray.First(v => v.IsBsonDocument)["id"] = ""; } break;
        }
    }
}
