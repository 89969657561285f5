using MesAides.Analytics.Loading;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Loading;

/// <summary>The corpus under Fixtures/bad: clear errors with locations, correct counts, nothing lost.</summary>
public class BadInputTests
{
    private static LoadResult Load(string file)
    {
        var result = SituationSource.Open(Paths.Fixture(Path.Combine("bad", file))).Load();
        Assert.True(result.Audit.Reconciles, result.Audit.ToString());
        return result;
    }

    [Fact]
    public void An_empty_file_reads_nothing()
    {
        var audit = Load("empty.json").Audit;

        Assert.Equal(0, audit.Read);
    }

    [Fact]
    public void A_line_that_is_not_json_is_rejected_with_its_line_and_the_rest_is_read()
    {
        var result = Load("not-json-line.jsonl");

        Assert.Equal((3L, 2L), (result.Audit.Read, result.Audit.Mapped));
        var rejection = Assert.Single(result.Audit.Samples);
        Assert.Equal(RejectionReasons.InvalidJson, rejection.Reason);
        Assert.Equal(new DocumentLocation(Paths.Fixture("bad/not-json-line.jsonl"), LocationKind.Line, 2), rejection.Location);
        Assert.Contains("line 2", rejection.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("this is not json", rejection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_rejects_that_document_only()
    {
        var result = Load("invalid-utf8.jsonl");

        Assert.Equal((3L, 2L), (result.Audit.Read, result.Audit.Mapped));
        var rejection = Assert.Single(result.Audit.Samples);
        Assert.Equal(RejectionReasons.InvalidJson, rejection.Reason);
        Assert.Equal(2, rejection.Location.Value);
        Assert.Contains("UTF-8", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types_name_the_field_and_numbers_stored_as_strings_are_accepted()
    {
        var result = Load("wrong-types.jsonl");

        Assert.Equal((4L, 1L), (result.Audit.Read, result.Audit.Mapped));
        Assert.Equal(550, result.Situations.Single().Household.Loyer);
        Assert.Equal(
            ["logement.loyer", "individus[0].dateDeNaissance", "individus[0].ressources[0].montant"],
            result.Audit.Samples.Select(r => r.Field));
        Assert.All(result.Audit.Samples, r => Assert.Equal(RejectionReasons.WrongType, r.Reason));
        Assert.Equal([1L, 2L, 3L], result.Audit.Samples.Select(r => r.Location.Value));
    }

    [Fact]
    public void A_truncated_gzip_reads_what_it_can_and_says_where_it_broke()
    {
        var result = Load("truncated.jsonl.gz");

        Assert.True(result.Audit.Mapped >= 1);
        var rejection = Assert.Single(result.Audit.Samples);
        Assert.True(rejection.Reason is RejectionReasons.Truncated or RejectionReasons.InvalidJson, rejection.ToString());
        Assert.Equal(LocationKind.Line, rejection.Location.Kind);
    }

    [Fact]
    public void A_truncated_bson_dump_keeps_the_whole_documents_and_reports_the_cut_one()
    {
        var result = Load("truncated.bson");

        Assert.Equal((3L, 2L), (result.Audit.Read, result.Audit.Mapped));
        var rejection = Assert.Single(result.Audit.Samples);
        Assert.Equal(RejectionReasons.Truncated, rejection.Reason);
        Assert.Equal(LocationKind.Byte, rejection.Location.Kind);
        Assert.Contains("declares", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bson_length_prefix_larger_than_the_file_is_reported_with_its_offset()
    {
        var result = Load("length-too-large.bson");

        Assert.Equal(1, result.Audit.Mapped);
        var rejection = Assert.Single(result.Audit.Samples);
        Assert.Equal(RejectionReasons.Truncated, rejection.Reason);
        Assert.True(rejection.Location.Value > 0);
        Assert.Contains("100000", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_json_array_keeps_its_first_elements()
    {
        var result = Load("truncated-array.json");

        Assert.Equal(1, result.Audit.Mapped);
        var rejection = Assert.Single(result.Audit.Samples);
        Assert.Equal(RejectionReasons.Truncated, rejection.Reason);
        Assert.Equal(new DocumentLocation(Paths.Fixture("bad/truncated-array.json"), LocationKind.Element, 2), rejection.Location);
    }

    [Fact]
    public void Strict_mode_stops_at_the_first_rejection()
    {
        var source = SituationSource.Open(Paths.Fixture("bad/not-json-line.jsonl"), new LoadOptions(1, Strict: true));

        var error = Assert.Throws<LoadException>(() => source.Load());

        Assert.Equal(2, error.Rejection.Location.Value);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => SituationSource.Open("/nonexistent/situations.bson"));

        Assert.Contains("/nonexistent/situations.bson", error.Message, StringComparison.Ordinal);
    }
}
