using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;
using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace MesAides.Analytics.Sample;

/// <summary>
/// Generates realistic <b>synthetic</b> situations in the three storage formats, deterministically:
/// communes weighted by population, 1–6 people, housing near 55/30/12/3 %, many households with no
/// income and a peak near the minimum wage, monthly resources stored as each generation stored them,
/// plus a known share of test data (one cleaning rule each) and of bad documents.
/// </summary>
public sealed class SampleGenerator
{
    private static readonly DateOnly FormatBStart = new(2017, 8, 1);
    private static readonly DateOnly FormatCStart = new(2021, 11, 1);
    private static readonly DateOnly TestBirthDate = new(2012, 12, 12);

    private readonly SampleOptions _options;
    private readonly Commune[] _communes;
    private readonly double[] _cumulativePopulation;

    public SampleGenerator(SampleOptions options, Geography geography)
    {
        _options = options;
        _communes = [.. geography.Communes.Where(c => c.Population > 0 && c.PostalCodes.Count > 0 && !c.PostalCodes.Contains("12345")).OrderBy(c => c.Insee, StringComparer.Ordinal)];
        _cumulativePopulation = new double[_communes.Length];
        double total = 0;
        for (var i = 0; i < _communes.Length; i++)
        {
            total += _communes[i].Population!.Value;
            _cumulativePopulation[i] = total;
        }
    }

    public SampleManifest Manifest { get; } = new();

    /// <summary>The documents, in order. The manifest is complete once they have all been enumerated.</summary>
    public IEnumerable<BsonDocument> Documents()
    {
        var random = new Random(_options.Seed);
        var clean = new List<BsonDocument>();
        for (var i = 0; i < _options.Count; i++)
        {
            Manifest.Documents++;
            var roll = random.NextDouble();
            if (roll < _options.BadShare)
            {
                Manifest.Count("rejected:wrong-type");
                yield return Bad(random);
                continue;
            }

            if (roll < _options.BadShare + _options.TestShare)
            {
                var (document, rule) = TestDocument(random, clean);
                Manifest.Count(rule);
                yield return document;
                continue;
            }

            var situation = Generate(random, TestKind.None);
            if (clean.Count < 1000)
            {
                clean.Add(situation);
            }

            yield return situation;
        }
    }

    private enum TestKind
    {
        None,
        Status,
        EditedCopy,
        ImplausibleAge,
        TestBirthDate,
        TestRent,
        TestPostalCode,
        TestCommune,
        BeforeStart,
    }

    private (BsonDocument Document, string Rule) TestDocument(Random random, List<BsonDocument> clean)
    {
        var kind = random.Next(9);
        if (kind == 0 && clean.Count > 0)
        {
            return (clean[random.Next(clean.Count)].DeepClone().AsBsonDocument, "duplicate");
        }

        var testKind = (TestKind)Math.Max(1, kind);
        var rule = testKind switch
        {
            TestKind.Status => "status",
            TestKind.EditedCopy => "edited-copy",
            TestKind.ImplausibleAge => "implausible-age",
            TestKind.TestBirthDate => "test-birth-date",
            TestKind.TestRent or TestKind.TestPostalCode => "test-housing-values",
            TestKind.TestCommune => "test-commune",
            _ => "before-start",
        };
        return (Generate(random, testKind), rule);
    }

    private BsonDocument Bad(Random random)
    {
        var document = Generate(random, TestKind.None);
        var housing = document.Contains("logement") ? document["logement"].AsBsonDocument
            : document.Contains("menage") ? document["menage"].AsBsonDocument
            : null;
        if (housing is not null)
        {
            housing["loyer"] = "abc";
        }
        else
        {
            document["dateDeValeur"] = "not a date";
        }

        return document;
    }

    private BsonDocument Generate(Random random, TestKind test)
    {
        var instant = DrawInstant(random, test == TestKind.BeforeStart);
        var date = ParisTime.Date(instant);
        var format = date < FormatBStart ? StorageFormat.A : date < FormatCStart ? StorageFormat.B : StorageFormat.C;
        var household = DrawHousehold(random, date, test);
        var id = NewObjectId(random, instant);
        var status = test switch
        {
            TestKind.Status => random.Next(3) switch { 0 => "test", 1 => "demo", _ => "investigation" },
            _ when format == StorageFormat.C && test != TestKind.TestBirthDate && random.NextDouble() < 0.7 => "anonymized",
            _ => "new",
        };
        var document = format switch
        {
            StorageFormat.A => Formats.Legacy(id, instant, date, household, random),
            StorageFormat.B => Formats.OpenFisca(id, instant, date, household),
            _ => Formats.Answers(id, instant, date, household, anonymised: status == "anonymized"),
        };
        document["status"] = status;
        if (test == TestKind.EditedCopy)
        {
            document["modifiedFrom"] = NewObjectId(random, instant.AddMinutes(-5)).ToString();
        }

        return document;
    }

    internal sealed record Person(string Id, string Role, DateOnly BirthDate, List<(string Type, double Monthly)> Resources);

    internal sealed record DrawnHousehold(
        HousingCategory? Category,
        string? Detail,
        double? Loyer,
        Commune? Commune,
        string? PostalCode,
        string? Insee,
        bool StoreInsee,
        List<Person> People,
        bool NegativeSpread);

    private DrawnHousehold DrawHousehold(Random random, DateOnly date, TestKind test)
    {
        var (category, detail) = DrawHousing(random);
        if (test == TestKind.TestRent)
        {
            (category, detail) = (HousingCategory.Locataire, "locataire_vide");
        }

        double? loyer = category switch
        {
            HousingCategory.Locataire => Math.Round(Math.Exp(6.3 + (0.35 * Gaussian(random))) / 10) * 10,
            HousingCategory.Proprietaire when detail == "primo_accedant" => Math.Round(Math.Exp(6.6 + (0.3 * Gaussian(random))) / 10) * 10,
            _ => null,
        };
        if (test == TestKind.TestRent)
        {
            loyer = 123;
        }

        var commune = DrawCommune(random);
        var postal = commune.PostalCodes[random.Next(commune.PostalCodes.Count)];
        var insee = commune.Insee;
        if (test == TestKind.TestPostalCode)
        {
            postal = "12345";
            insee = null;
        }
        else if (test == TestKind.TestCommune)
        {
            (postal, insee) = ("55100", "55039");
        }

        var people = DrawPeople(random, date, test);
        var storeInsee = insee is not null && (date >= new DateOnly(2015, 7, 1) || random.NextDouble() < 0.3);
        return new DrawnHousehold(category, detail, loyer, commune, postal, insee, storeInsee, people, random.NextDouble() < 0.03);
    }

    private static (HousingCategory?, string?) DrawHousing(Random random)
    {
        var roll = random.NextDouble();
        if (roll < 0.02)
        {
            return (null, null);
        }

        roll = random.NextDouble();
        if (roll < 0.55)
        {
            var kind = random.NextDouble();
            return (HousingCategory.Locataire, kind < 0.35 ? "locataire_hlm" : kind < 0.80 ? "locataire_vide" : kind < 0.95 ? "locataire_meuble" : "locataire_foyer");
        }

        if (roll < 0.85)
        {
            return (HousingCategory.Proprietaire, random.NextDouble() < 0.2 ? "primo_accedant" : "proprietaire");
        }

        return roll < 0.97 ? (HousingCategory.Heberge, "loge_gratuitement") : (HousingCategory.SansDomicile, "sans_domicile");
    }

    private static List<Person> DrawPeople(Random random, DateOnly date, TestKind test)
    {
        var people = new List<Person>();
        var age = 18 + (int)Math.Clamp(Math.Abs(Gaussian(random) * 17) + (random.NextDouble() < 0.75 ? 8 : 30), 0, 80);
        if (test == TestKind.ImplausibleAge)
        {
            age = 121 + random.Next(30);
        }

        people.Add(new Person("demandeur", "demandeur", BirthDate(random, date, age), []));
        if (random.NextDouble() < 0.35)
        {
            people.Add(new Person("conjoint", "conjoint", BirthDate(random, date, Math.Clamp(age + random.Next(-5, 6), 18, 100)), []));
        }

        var childRoll = random.NextDouble();
        var children = childRoll < 0.55 ? 0 : childRoll < 0.75 ? 1 : childRoll < 0.90 ? 2 : childRoll < 0.97 ? 3 : 4;
        for (var c = 0; c < children; c++)
        {
            people.Add(new Person($"enfant_{c}", "enfant", BirthDate(random, date, random.Next(0, Math.Min(21, age - 15))), []));
        }

        if (test == TestKind.TestBirthDate)
        {
            var last = people[^1];
            people[^1] = last with { BirthDate = TestBirthDate };
        }

        DrawIncome(random, people, date);
        return people;
    }

    private static DateOnly BirthDate(Random random, DateOnly date, int age)
    {
        while (true)
        {
            var birth = date.AddYears(-age).AddDays(-random.Next(0, 365));
            if (birth != TestBirthDate)
            {
                return birth;
            }
        }
    }

    /// <summary>Mostly zero; a peak near the minimum wage; then exponential decay; benefits on top.</summary>
    private static void DrawIncome(Random random, List<Person> people, DateOnly date)
    {
        var head = people[0];
        var roll = random.NextDouble();
        if (roll < 0.38)
        {
            return;
        }

        var smic = 1130 + ((date.Year - 2015) * 30);
        if (roll < 0.66)
        {
            head.Resources.Add(("salaire_net", Math.Round(smic + (120 * Gaussian(random)))));
        }
        else if (roll < 0.76)
        {
            head.Resources.Add(("chomage_net", Math.Round(Math.Max(300, 900 + (250 * Gaussian(random))))));
        }
        else if (roll < 0.86)
        {
            head.Resources.Add(("retraite_nette", Math.Round(Math.Exp(7 + (0.35 * Gaussian(random))))));
        }
        else
        {
            head.Resources.Add(("salaire_net", Math.Round(smic + 300 - (1000 * Math.Log(1 - random.NextDouble())))));
        }

        if (people.Count > 1 && people[1].Role == "conjoint" && random.NextDouble() < 0.5)
        {
            people[1].Resources.Add(("salaire_net", Math.Round(smic + (200 * Math.Abs(Gaussian(random))))));
        }

        var children = people.Count(p => p.Role == "enfant");
        if (children >= 2)
        {
            head.Resources.Add(("af", children == 2 ? 131 : 300));
        }

        if (random.NextDouble() < 0.3)
        {
            head.Resources.Add(("aide_logement", Math.Round(150 + (200 * random.NextDouble()))));
        }

        if (random.NextDouble() < 0.05)
        {
            head.Resources.Add(("pensions_alimentaires_percues", 150));
        }
    }

    private Commune DrawCommune(Random random)
    {
        var target = random.NextDouble() * _cumulativePopulation[^1];
        var index = Array.BinarySearch(_cumulativePopulation, target);
        return _communes[index < 0 ? ~index : index];
    }

    /// <summary>More simulations over the years, fewer at weekends, in office hours (Paris time).</summary>
    private DateTimeOffset DrawInstant(Random random, bool beforeStart)
    {
        var (start, end) = beforeStart ? (new DateOnly(2014, 7, 1), new DateOnly(2014, 12, 31)) : (_options.Start, _options.End);
        var days = end.DayNumber - start.DayNumber + 1;
        while (true)
        {
            var t = Math.Pow(random.NextDouble(), 0.75);
            var day = start.AddDays((int)(t * days) % days);
            var weekendFactor = day.DayOfWeek switch { DayOfWeek.Saturday => 0.5, DayOfWeek.Sunday => 0.4, _ => 1.0 };
            if (random.NextDouble() > weekendFactor)
            {
                continue;
            }

            var hour = Math.Clamp((int)Math.Round(13 + (3.5 * Gaussian(random))), 0, 23);
            var local = day.ToDateTime(new TimeOnly(hour, random.Next(60), random.Next(60)));
            return new DateTimeOffset(local, ParisTime.Zone.GetUtcOffset(local)).ToUniversalTime();
        }
    }

    private static ObjectId NewObjectId(Random random, DateTimeOffset instant)
    {
        var bytes = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)instant.ToUnixTimeSeconds());
        random.NextBytes(bytes.AsSpan(4));
        return new ObjectId(bytes);
    }

    internal static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Writes documents in one of the export encodings; gzip when the path ends with <c>.gz</c>.</summary>
    public static void Write(IEnumerable<BsonDocument> documents, string path, SampleFormat format)
    {
        using var file = File.Create(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.SmallestSize)
            : (Stream)new BufferedStream(file, 1 << 16);
        Write(documents, stream, format);
    }

    public static void Write(IEnumerable<BsonDocument> documents, Stream stream, SampleFormat format)
    {
        var settings = new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson, Indent = false };
        var first = true;
        if (format == SampleFormat.Json)
        {
            stream.Write("["u8);
        }

        foreach (var document in documents)
        {
            switch (format)
            {
                case SampleFormat.Bson:
                    stream.Write(document.ToBson());
                    break;
                case SampleFormat.Json:
                    stream.Write(first ? "\n"u8 : ",\n"u8);
                    stream.Write(Encoding.UTF8.GetBytes(document.ToJson(settings)));
                    break;
                default:
                    stream.Write(Encoding.UTF8.GetBytes(document.ToJson(settings)));
                    stream.Write("\n"u8);
                    break;
            }

            first = false;
        }

        if (format == SampleFormat.Json)
        {
            stream.Write("\n]\n"u8);
        }
    }
}
