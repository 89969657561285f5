using MesAides.Analytics.Loading;
using MesAides.Analytics.Sample;
using MesAides.Analytics.Tables;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Loading;

/// <summary>The same documents read from every input form give identical model values.</summary>
public class RoundTripTests
{
    public static TheoryData<SampleFormat, bool> Forms => new()
    {
        { SampleFormat.Bson, false },
        { SampleFormat.Bson, true },
        { SampleFormat.Jsonl, false },
        { SampleFormat.Jsonl, true },
        { SampleFormat.Json, false },
        { SampleFormat.Json, true },
    };

    private static IReadOnlyList<string> Read(string path, int workers = 2)
    {
        var result = SituationSource.Open(path, new LoadOptions(workers)).Load();
        Assert.True(result.Audit.Reconciles);
        return ModelText.Of(result.Situations);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Generated_documents_read_the_same_from_every_form(SampleFormat format, bool gzip)
    {
        var documents = Samples.Documents(400);
        var reference = Read(Samples.Write(documents, SampleFormat.Jsonl));

        var actual = Read(Samples.Write(documents, format, gzip));

        Assert.Equal(reference.Count, actual.Count);
        Assert.Equal(reference, actual);
    }

    [SkippableFact]
    public void Upstream_fixtures_read_the_same_from_every_form_and_through_csv_tables()
    {
        var documents = Samples.UpstreamDocuments();
        var forms = Forms.Select(row => ((SampleFormat)row[0], (bool)row[1])).ToList();
        var reference = Read(Samples.Write(documents, SampleFormat.Jsonl));
        Assert.Equal(documents.Count, reference.Count);

        foreach (var (format, gzip) in forms)
        {
            Assert.Equal(reference, Read(Samples.Write(documents, format, gzip)));
        }

        Assert.Equal(reference, Read(WriteCsvTables(Samples.Write(documents, SampleFormat.Bson))));
    }

    [Fact]
    public void Csv_tables_round_trip_to_identical_situations()
    {
        var bson = Samples.Write(Samples.Documents(300), SampleFormat.Bson);
        var reference = Read(bson);

        var actual = Read(WriteCsvTables(bson));

        Assert.Equal(reference, actual);
    }

    [Fact]
    public void Parallel_and_sequential_reading_give_the_same_situations_in_the_same_order()
    {
        var path = Samples.Write(Samples.Documents(3000, badShare: 0.01), SampleFormat.Jsonl, gzip: true);

        Assert.Equal(Read(path, workers: 1), Read(path, workers: 2));
        Assert.Equal(Read(path, workers: 1), Read(path, workers: 4));
    }

    [Fact]
    public void Extended_json_canonical_and_relaxed_values_map_alike()
    {
        var canonical = """
            {"_id":{"$oid":"5731b2c4e1a2b3c4d5e6f701"},"__v":{"$numberInt":"2"},"dateDeValeur":{"$date":{"$numberLong":"1462873694922"}},
             "logement":{"type":"locataire","loyer":{"$numberDouble":"550.5"},"charges":{"$numberLong":"50"},"adresse":{"codePostal":"64000","codeInsee":"64445"}},
             "individus":[{"_id":{"$oid":"5731b2c4e1a2b3c4d5e6f702"},"role":"demandeur","dateDeNaissance":{"$date":{"$numberLong":"334886400000"}},
               "ressources":[{"type":"allocationsChomage","periode":"2016-04","montant":{"$numberDecimal":"950"}}]}]}
            """;
        var relaxed = """
            {"_id":{"$oid":"5731b2c4e1a2b3c4d5e6f701"},"__v":2,"dateDeValeur":{"$date":"2016-05-10T09:48:14.922Z"},
             "logement":{"type":"locataire","loyer":550.5,"charges":50,"adresse":{"codePostal":"64000","codeInsee":"64445"}},
             "individus":[{"_id":{"$oid":"5731b2c4e1a2b3c4d5e6f702"},"role":"demandeur","dateDeNaissance":{"$date":"1980-08-12T00:00:00Z"},
               "ressources":[{"type":"allocationsChomage","periode":"2016-04","montant":950}]}]}
            """;
        var directory = Paths.TempDirectory();
        File.WriteAllText(Path.Combine(directory, "canonical.json"), canonical.ReplaceLineEndings(" ") + "\n");
        File.WriteAllText(Path.Combine(directory, "relaxed.json"), relaxed.ReplaceLineEndings(" ") + "\n");

        var a = SituationSource.Open(Path.Combine(directory, "canonical.json")).Load().Situations.Single();
        var b = SituationSource.Open(Path.Combine(directory, "relaxed.json")).Load().Situations.Single();

        Assert.Equal(ModelText.Of(b), ModelText.Of(a));
        Assert.Equal(550.5, a.Household.Loyer);
        Assert.Equal(new DateOnly(1980, 8, 12), a.Individuals[0].BirthDate);
        Assert.Equal(950, a.Individuals[0].Resources[0].Amount);
        Assert.Equal("chomage_net", a.Individuals[0].Resources[0].Type);
    }

    [Fact]
    public void A_dump_directory_is_found_by_its_situations_bson()
    {
        var dump = Path.Combine(Paths.TempDirectory(), "dump", "dds");
        Directory.CreateDirectory(dump);
        var documents = Samples.Documents(50);
        Samples.Write(documents, SampleFormat.Bson, directory: dump);
        File.WriteAllText(Path.Combine(dump, "situations.metadata.json"), "{}");

        var result = SituationSource.Open(Path.GetDirectoryName(Path.GetDirectoryName(dump))!).Load();

        Assert.Equal(50, result.Audit.Read);
    }

    [Fact]
    public void Gzip_is_detected_from_content_even_when_the_extension_lies()
    {
        var gz = Samples.Write(Samples.Documents(20), SampleFormat.Bson, gzip: true);
        var liar = Path.ChangeExtension(gz, ".json");
        File.Move(gz, liar);

        Assert.Equal(20, SituationSource.Open(liar).Load().Audit.Read);
    }

    private static string WriteCsvTables(string input)
    {
        var directory = Paths.TempDirectory();
        using (var writer = new TidyTablesWriter(directory))
        {
            foreach (var situation in SituationSource.Open(input).Load().Situations)
            {
                writer.Write(situation);
            }
        }

        return directory;
    }
}
