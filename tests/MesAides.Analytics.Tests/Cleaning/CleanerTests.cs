using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Cleaning;

public class CleanerTests
{
    private static string? Rule(Situation situation, CleaningOptions? options = null) =>
        new Cleaner(options).FirstBrokenRule(situation, new HashSet<ulong>());

    [Fact]
    public void An_ordinary_situation_breaks_no_rule() => Assert.Null(Rule(Some.Situation()));

    [Theory]
    [InlineData("test", CleaningRules.Status)]
    [InlineData("demo", CleaningRules.Status)]
    [InlineData("investigation", CleaningRules.Status)]
    [InlineData("new", null)]
    [InlineData("anonymized", null)]
    public void Test_statuses_are_removed(string status, string? expected) =>
        Assert.Equal(expected, Rule(Some.Situation(status: status)));

    [Fact]
    public void Edited_copies_are_removed() =>
        Assert.Equal(CleaningRules.EditedCopy, Rule(Some.Situation(modifiedFrom: "5d963046fb4fcd78e2bdc793")));

    [Theory]
    [InlineData(120, null)]
    [InlineData(121, CleaningRules.ImplausibleAge)]
    [InlineData(0, null)]
    public void Ages_are_taken_at_the_date_of_value_and_exactly_120_is_kept(int years, string? expected)
    {
        var date = new DateOnly(2016, 3, 15);
        var birth = date.AddYears(-years);
        Assert.Equal(years, Some.Individual(birthDate: birth).AgeAt(date));

        Assert.Equal(expected, Rule(Some.Situation(date: date, individuals: Some.Individual(birthDate: birth))));
    }

    [Fact]
    public void Someone_born_after_the_date_of_value_is_implausible() =>
        Assert.Equal(CleaningRules.ImplausibleAge, Rule(Some.Situation(date: new DateOnly(2016, 3, 15), individuals: Some.Individual(birthDate: new DateOnly(2016, 6, 1)))));

    [Theory]
    [InlineData(121, CleaningRules.ImplausibleAge)]
    [InlineData(120, null)]
    [InlineData(-1, CleaningRules.ImplausibleAge)]
    public void Format_C_stored_ages_are_checked_directly(int age, string? expected) =>
        Assert.Equal(expected, Rule(Some.Situation(format: StorageFormat.C, individuals: Some.Individual(age: age))));

    [Fact]
    public void The_test_birth_date_stored_as_Paris_midnight_in_UTC_is_caught()
    {
        var line = """{"_id":"t1","dateDeValeur":"2016-03-01T10:00:00Z","logement":{"type":"locataire"},"individus":[{"role":"enfant","dateDeNaissance":{"$date":"2012-12-11T23:00:00Z"}}]}""";
        var path = Path.Combine(Paths.TempDirectory(), "t.jsonl");
        File.WriteAllText(path, line + "\n");
        var situation = SituationSource.Open(path).Load().Situations.Single();

        Assert.Equal(new DateOnly(2012, 12, 12), situation.Individuals[0].BirthDate);
        Assert.Equal(CleaningRules.TestBirthDate, Rule(situation));
    }

    [Theory]
    [InlineData(123.0, "31000", CleaningRules.TestHousingValues)]
    [InlineData(450.0, "12345", CleaningRules.TestHousingValues)]
    [InlineData(123.5, "31000", null)]
    public void Test_rent_and_postal_code_are_removed(double loyer, string postal, string? expected) =>
        Assert.Equal(expected, Rule(Some.Situation(household: Some.Household(loyer: loyer, postalCode: postal))));

    [Theory]
    [InlineData("55039", CleaningRules.TestCommune)]
    [InlineData("55307", CleaningRules.TestCommune)]
    [InlineData("55545", null)]
    public void Test_communes_are_decided_on_the_INSEE_code_not_the_shared_postal_code(string insee, string? expected) =>
        Assert.Equal(expected, Rule(Some.Situation(household: Some.Household(postalCode: "55100", insee: insee))));

    [Fact]
    public void Postal_code_55100_alone_is_kept() =>
        Assert.Null(Rule(Some.Situation(household: Some.Household(postalCode: "55100", insee: null))));

    [Fact]
    public void Situations_before_the_start_date_are_removed_and_the_start_is_an_option()
    {
        var situation = Some.Situation(date: new DateOnly(2014, 12, 31));

        Assert.Equal(CleaningRules.BeforeStart, Rule(situation));
        Assert.Null(Rule(situation, CleaningOptions.Default with { Start = new DateOnly(2014, 1, 1) }));
        Assert.Null(Rule(Some.Situation(date: new DateOnly(2015, 1, 1))));
    }

    [Fact]
    public void The_first_matching_rule_wins_and_counts_once()
    {
        var situation = Some.Situation(status: "test", modifiedFrom: "x", date: new DateOnly(2014, 1, 1), household: Some.Household(loyer: 123));

        Assert.Equal(CleaningRules.Status, Rule(situation));
        Assert.Equal(CleaningRules.EditedCopy, Rule(situation, CleaningOptions.Default.Without(CleaningRules.Status)));
    }

    [Fact]
    public void A_switched_off_rule_removes_nothing_and_an_unknown_rule_is_an_error()
    {
        Assert.Null(Rule(Some.Situation(status: "test"), CleaningOptions.Default.Without(CleaningRules.Status)));
        Assert.Throws<ArgumentException>(() => CleaningOptions.Default.Without("no-such-rule"));
    }

    [Fact]
    public void Duplicates_are_ids_already_seen_in_the_input_and_the_first_is_kept()
    {
        var first = Some.Situation(id: "same");
        var load = new LoadResult([first, Some.Situation(id: "other"), first with { }], new LoadAudit("test"));
        foreach (var _ in load.Situations)
        {
            load.Audit.Record(MapResult.Of(_));
        }

        var clean = Cleaner.Default.Apply(load);

        Assert.Equal(["same", "other"], clean.Situations.Select(s => s.Id));
        Assert.Equal(1, clean.Audit.RemovedBy(CleaningRules.Duplicate));
        Assert.True(clean.Audit.Reconciles);
    }

    [SkippableFact]
    public void Upstream_documents_meet_the_rules_a_reader_expects()
    {
        var expected = new Dictionary<string, string?>
        {
            ["format-a_test-values_2014.json"] = CleaningRules.TestHousingValues,
            ["format-a_nm2-situation_2017.json"] = null,
            ["format-b_sample-situation_2019.json"] = CleaningRules.EditedCopy,
            ["format-b_loiret-teleservice_2018.json"] = null,
            ["format-c_answers_2021.json"] = null,
            ["format-c_anonymized_2023.json"] = null,
        };
        foreach (var (file, rule) in expected)
        {
            var situation = SituationSource.Open(Paths.Upstream(file)).Load().Situations.Single();
            Assert.True(rule == Rule(situation), $"{file}: expected {rule ?? "kept"}, got {Rule(situation) ?? "kept"}");
        }
    }
}
