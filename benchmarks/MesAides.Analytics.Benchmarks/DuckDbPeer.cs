using System.Diagnostics;
using DuckDB.NET.Data;

namespace MesAides.Analytics.Benchmarks;

/// <summary>
/// The stronger peer: DuckDB reads the same JSON lines with <c>read_json</c> and computes, in SQL, the
/// housing, daily and département counts of the report (same rejections, cleaning rules, Paris dates and
/// commune resolution as the library, for the documents the sample generator writes). Writes
/// <c>housing.csv</c>, <c>daily.csv</c> and <c>departements.csv</c>.
/// </summary>
public static class DuckDbPeer
{
    public static string Run(string path, string outDirectory, string referenceDirectory = "data/reference")
    {
        Directory.CreateDirectory(outDirectory);
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        foreach (var statement in Script(Path.GetFullPath(path), Path.GetFullPath(outDirectory), Path.GetFullPath(referenceDirectory)))
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        // MESAIDES_DUCKDB_QUERY: a query to print after the run, to look into the peer's tables.
        if (Environment.GetEnvironmentVariable("MESAIDES_DUCKDB_QUERY") is { Length: > 0 } query)
        {
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                Console.WriteLine(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return $"duckdb {seconds:F2} s";
    }

    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static IEnumerable<string> Script(string input, string output, string reference)
    {
        yield return "SET threads = 2";
        yield return "SET preserve_insertion_order = true";
        yield return "SET TimeZone = 'UTC'";
        // Paris calendar date of an instant; the age in whole years at a date.
        yield return "CREATE MACRO paris(ts) AS CAST(timezone('Europe/Paris', ts) AS DATE)";
        yield return "CREATE MACRO age_at(b, d) AS year(d) - year(b) - CASE WHEN month(d) < month(b) OR (month(d) = month(b) AND day(d) < day(b)) THEN 1 ELSE 0 END";
        // {"$date": "ISO"} or {"$date": {"$numberLong": "ms"}} to an instant.
        yield return """
            CREATE MACRO ext_instant(j) AS CASE
                WHEN json_type(j, '$."$date"') = 'VARCHAR' THEN TRY_CAST(json_extract_string(j, '$."$date"') AS TIMESTAMPTZ)
                WHEN json_type(j, '$."$date"') = 'OBJECT' THEN to_timestamp(CAST(json_extract_string(j, '$."$date"."$numberLong"') AS BIGINT) / 1000.0)
                WHEN json_type(j) = 'VARCHAR' THEN TRY_CAST(json_extract_string(j, '$') AS TIMESTAMPTZ)
                ELSE NULL END
            """;
        yield return "CREATE MACRO code(c) AS CASE WHEN regexp_full_match(trim(c), '[0-9]{4}') THEN '0' || trim(c) ELSE NULLIF(trim(c), '') END";
        yield return $"""
            CREATE TABLE communes AS SELECT insee, departement, TRY_CAST(population AS BIGINT) AS population, postal_codes
            FROM read_csv({Quote(Path.Combine(reference, "communes.csv"))}, all_varchar = true, header = true)
            """;
        yield return $"""
            CREATE TABLE aliases AS SELECT code, insee FROM read_csv({Quote(Path.Combine(reference, "commune_aliases.csv"))}, all_varchar = true, header = true)
            """;
        yield return $"""
            CREATE TABLE departements AS SELECT departement FROM read_csv({Quote(Path.Combine(reference, "departements.csv"))}, all_varchar = true, header = true)
            """;
        // Postal code -> the most populous of its communes (ties: the smallest INSEE code).
        yield return """
            CREATE TABLE postal AS SELECT postal, arg_min(insee, (-COALESCE(population, 0), insee)) AS insee FROM (
                SELECT unnest(string_split(postal_codes, ' ')) AS postal, insee, population FROM communes) WHERE postal <> '' GROUP BY postal
            """;
        yield return $$"""
            CREATE TABLE docs AS
            WITH raw AS (
                SELECT row_number() OVER () AS ordinal, *
                FROM read_json({{Quote(input)}}, format = 'newline_delimited', maximum_object_size = 67108864,
                    columns = {
                        _id: 'STRUCT("$oid" VARCHAR)', dateDeValeur: 'JSON', status: 'VARCHAR', modifiedFrom: 'VARCHAR',
                        individus: 'STRUCT(dateDeNaissance JSON, date_naissance VARCHAR)[]',
                        logement: 'STRUCT(type VARCHAR, loyer JSON, codePostal VARCHAR, adresse STRUCT(codePostal VARCHAR, codeInsee VARCHAR))',
                        menage: 'STRUCT(statut_occupation_logement VARCHAR, loyer JSON, code_postal VARCHAR, depcom VARCHAR)',
                        answers: 'STRUCT("all" STRUCT(entityName VARCHAR, fieldName VARCHAR, value JSON)[])'
                    })
            ),
            shaped AS (
                SELECT ordinal, _id."$oid" AS id, status, modifiedFrom, ext_instant(dateDeValeur) AS instant,
                    json_type(dateDeValeur) AS date_type,
                    CASE WHEN answers IS NOT NULL THEN 'C' WHEN menage IS NOT NULL THEN 'B' ELSE 'A' END AS format,
                    COALESCE(logement.loyer, menage.loyer) AS loyer_json,
                    list_filter(answers."all", a -> a.entityName = 'menage') AS m,
                    list_filter(answers."all", a -> a.entityName = 'individu' AND a.fieldName IN ('date_naissance', 'age')) AS born,
                    individus, logement, menage
                FROM raw
            ),
            fields AS (
                SELECT ordinal, id, status, modifiedFrom, instant, format,
                    COALESCE(date_type = 'VARCHAR' AND instant IS NULL, false)
                        OR COALESCE(json_type(loyer_json) = 'VARCHAR' AND TRY_CAST(json_extract_string(loyer_json, '$') AS DOUBLE) IS NULL, false) AS rejected,
                    CASE format
                        WHEN 'A' THEN TRY_CAST(json_extract_string(logement.loyer, '$') AS DOUBLE)
                        WHEN 'B' THEN TRY_CAST(json_extract_string(menage.loyer, '$') AS DOUBLE)
                        ELSE TRY_CAST(json_extract_string(list_filter(m, a -> a.fieldName = 'loyer')[1].value, '$.loyer') AS DOUBLE) END AS loyer,
                    CASE format
                        WHEN 'A' THEN code(COALESCE(logement.adresse.codePostal, logement.codePostal))
                        WHEN 'B' THEN code(menage.code_postal)
                        ELSE code(json_extract_string(list_filter(m, a -> a.fieldName = 'depcom')[1].value, '$._codePostal')) END AS postal_code,
                    CASE format
                        WHEN 'A' THEN code(logement.adresse.codeInsee)
                        WHEN 'B' THEN code(menage.depcom)
                        ELSE code(json_extract_string(list_filter(m, a -> a.fieldName = 'depcom')[1].value, '$.depcom')) END AS insee,
                    CASE format
                        WHEN 'A' THEN CASE logement.type WHEN 'locataire' THEN 'Locataire' WHEN 'proprietaire' THEN 'Propriétaire'
                            WHEN 'heberge' THEN 'Hébergé' WHEN 'gratuit' THEN 'Hébergé' WHEN 'payant' THEN 'Hébergé' WHEN 'sansDomicile' THEN 'Sans domicile' END
                        WHEN 'B' THEN CASE WHEN menage.statut_occupation_logement LIKE 'locataire%' THEN 'Locataire'
                            WHEN menage.statut_occupation_logement IN ('proprietaire', 'primo_accedant') THEN 'Propriétaire'
                            WHEN menage.statut_occupation_logement = 'loge_gratuitement' THEN 'Hébergé'
                            WHEN menage.statut_occupation_logement = 'sans_domicile' THEN 'Sans domicile' END
                        ELSE CASE json_extract_string(list_filter(m, a -> a.fieldName = '_logementType')[1].value, '$')
                            WHEN 'locataire' THEN 'Locataire' WHEN 'proprietaire' THEN 'Propriétaire' WHEN 'heberge' THEN 'Hébergé'
                            WHEN 'sansDomicile' THEN 'Sans domicile' END END AS category,
                    -- Birth dates (Paris dates) and declared ages of every individual.
                    CASE format
                        WHEN 'A' THEN list_transform(individus, i -> paris(ext_instant(i.dateDeNaissance)))
                        WHEN 'B' THEN list_transform(individus, i -> TRY_CAST(i.date_naissance AS DATE))
                        ELSE list_transform(list_filter(born, a -> a.fieldName = 'date_naissance'), a -> TRY_CAST(json_extract_string(a.value, '$') AS DATE)) END AS births,
                    list_transform(list_filter(born, a -> a.fieldName = 'age'), a -> floor(CAST(json_extract_string(a.value, '$') AS DOUBLE))) AS ages
                FROM shaped
            )
            SELECT ordinal, id, instant, paris(instant) AS day, status, modifiedFrom, rejected, loyer, postal_code, insee, category, births, ages
            FROM fields
            """;
        yield return """
            CREATE TABLE kept AS
            WITH mapped AS (
                SELECT *, row_number() OVER (PARTITION BY id ORDER BY ordinal) AS occurrence FROM docs WHERE NOT rejected
            )
            SELECT day, category, insee, postal_code FROM mapped
            WHERE occurrence = 1
              AND (status IS NULL OR status NOT IN ('test', 'demo', 'investigation'))
              AND (modifiedFrom IS NULL OR modifiedFrom = '')
              AND NOT COALESCE(list_bool_or(list_transform(births, b -> b IS NOT NULL AND (age_at(b, day) > 120 OR age_at(b, day) < 0 OR b > day))), false)
              AND NOT COALESCE(list_bool_or(list_transform(ages, a -> a > 120 OR a < 0)), false)
              AND NOT COALESCE(list_contains(births, DATE '2012-12-12'), false)
              AND (loyer IS NULL OR loyer <> 123) AND (postal_code IS NULL OR postal_code <> '12345')
              AND (insee IS NULL OR insee NOT IN ('55039', '55050', '55139', '55189', '55239', '55307'))
              AND day >= DATE '2015-01-01'
            """;
        yield return $"""
            COPY (
                SELECT c.category, COALESCE(n, 0) AS situations FROM (VALUES (1, 'Locataire'), (2, 'Propriétaire'), (3, 'Hébergé'), (4, 'Sans domicile'), (5, 'Inconnu')) c(o, category)
                LEFT JOIN (SELECT COALESCE(category, 'Inconnu') AS category, count(*) AS n FROM kept GROUP BY ALL) k USING (category) ORDER BY o
            ) TO {Quote(Path.Combine(output, "housing.csv"))} (HEADER)
            """;
        yield return $"""
            COPY (
                SELECT strftime(CAST(d AS DATE), '%Y-%m-%d') AS date, COALESCE(n, 0) AS situations
                FROM (SELECT unnest(generate_series(min(day), max(day), INTERVAL 1 DAY)) AS d FROM kept) days
                LEFT JOIN (SELECT day, count(*) AS n FROM kept GROUP BY day) k ON k.day = CAST(days.d AS DATE) ORDER BY 1
            ) TO {Quote(Path.Combine(output, "daily.csv"))} (HEADER)
            """;
        yield return $"""
            COPY (
                WITH located AS (
                    SELECT COALESCE(c1.insee, c2.insee, p.insee) AS commune
                    FROM kept
                    LEFT JOIN communes c1 ON c1.insee = kept.insee
                    LEFT JOIN aliases a ON c1.insee IS NULL AND a.code = kept.insee
                    LEFT JOIN communes c2 ON c2.insee = a.insee
                    LEFT JOIN postal p ON c1.insee IS NULL AND c2.insee IS NULL AND p.postal = kept.postal_code
                ),
                counted AS (SELECT c.departement, count(*) AS n FROM located JOIN communes c ON c.insee = located.commune GROUP BY ALL)
                SELECT d.departement, COALESCE(n, 0) AS situations FROM departements d LEFT JOIN counted USING (departement) ORDER BY d.departement
            ) TO {Quote(Path.Combine(output, "departements.csv"))} (HEADER)
            """;
    }
}
