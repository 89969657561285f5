using MesAides.Analytics.Analyses;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Analyses;

public sealed class IncomeCorrelationTests
{
    private static readonly IncomeCorrelationOptions Threshold5 = new(5, new BootstrapOptions(200, Seed: 11));

    private static FilosofiData Medians(params (string Code, double Median)[] rows) =>
        new("test.csv", "MED19", 2019, rows.ToDictionary(r => r.Code, r => r.Median), rows.Length, 0, 0, []);

    private static IEnumerable<Situation> In(string? insee, int count) =>
        Enumerable.Range(0, count).Select(_ => Some.Situation(household: Some.Household(insee: insee, postalCode: null)));

    /// <summary>Île-de-France: usage falls as income rises; elsewhere it rises with income.</summary>
    private static readonly FilosofiData Example = Medians(
        ("93066", 17000), ("75056", 28000), ("78646", 34000),                       // Saint-Denis, Paris, Versailles
        ("01003", 19000), ("67482", 20000), ("34172", 21000), ("31555", 22000), ("44109", 23000), ("33063", 24000),
        ("99999", 30000));                                                          // no such commune

    private static List<Situation> ExampleSituations() =>
    [
        .. In("93066", 300), .. In("75056", 2104), .. In("78646", 8),
        .. In("34172", 31), .. In("31555", 103), .. In("44109", 98), .. In("33063", 108),
        .. In("69123", 5),      // Lyon: no Filosofi value
        .. In(null, 2),         // no commune
    ];

    private static double Rate(string insee, long situations) => situations * 10000.0 / Geography.Default.Find(insee)!.Population!.Value;

    [Fact]
    public void Communes_with_a_median_count_even_without_situations_and_old_codes_map_to_today()
    {
        var result = IncomeCorrelation.Analyse(ExampleSituations(), Example, Threshold5);

        // 01003 is an old code of Francheleins (01165): it stands for it. Strasbourg and Francheleins have no situation.
        Assert.Equal(["01165", "31555", "33063", "34172", "44109", "67482", "75056", "78646", "93066"], result.Communes.Select(c => c.Commune.Insee));
        Assert.Equal(0, result.Communes.Single(c => c.Commune.Insee == "67482").Situations);
        Assert.Equal(19000, result.Communes.Single(c => c.Commune.Insee == "01165").MedianIncome);
        Assert.Equal(Rate("31555", 103), result.Communes.Single(c => c.Commune.Insee == "31555").Per10000, 12);
        Assert.Equal(1, result.UnmatchedCodes);
        Assert.Equal(10, result.FilosofiCommunes);
        Assert.Equal(7, result.SituationsOutside);
        Assert.Equal(("MED19", 2019), (result.MedianColumn, result.Year));
        Assert.Equal([9, 2, 3, 6], result.Groups.Select(g => g.Correlation.N));
    }

    [Fact]
    public void Spearman_per_group_by_hand()
    {
        var result = IncomeCorrelation.Analyse(ExampleSituations(), Example, Threshold5);

        // Île-de-France: incomes 17000 < 28000 < 34000, rates about 20.1 > 10.0 > 0.95.
        Assert.Equal(-1, result.Group("ile_de_france").Correlation.Spearman!.Value, 12);

        // Elsewhere, by income: Francheleins 0, Strasbourg 0, then rates about 1.0, 2.0, 3.0, 4.0.
        // Ranks (1..6) and (1.5, 1.5, 3, 4, 5, 6): Sxy = 17, Sxx = 17.5, Syy = 17, rho = sqrt(17 / 17.5).
        Assert.Equal(Math.Sqrt(17 / 17.5), result.Group("outside_ile_de_france").Correlation.Spearman!.Value, 12);

        // Above 5 per 10,000: Saint-Denis and Paris, two points on a falling line.
        var above = result.Group("above_threshold").Correlation;
        Assert.Equal(-1, above.Pearson!.Value, 12);
        Assert.Null(above.PearsonInterval);     // two points: no bootstrap
    }

    [Fact]
    public void Pearson_is_taken_on_income_and_rate_per_10000()
    {
        var result = IncomeCorrelation.Analyse(ExampleSituations(), Example, Threshold5);
        double[] incomes = [17000, 28000, 34000];
        double[] rates = [Rate("93066", 300), Rate("75056", 2104), Rate("78646", 8)];

        var idf = result.Group("ile_de_france").Correlation;
        Assert.Equal(Statistics.Pearson(incomes, rates)!.Value, idf.Pearson!.Value, 12);
        Assert.True(idf.Pearson < -0.9);
        Assert.NotNull(idf.PearsonInterval);
    }

    [Fact]
    public void The_default_threshold_is_one_percent_of_inhabitants()
    {
        Assert.Equal(100, IncomeCorrelationOptions.Default.UsageThresholdPer10000);
        Assert.Equal(1000, BootstrapOptions.Default.Resamples);
        Assert.Equal(0.95, BootstrapOptions.Default.Level);
        // Versailles, 84,095 inhabitants: 1 % is 840.95 situations; 841 is above, 840 below.
        var filosofi = Medians(("78646", 34000), ("75056", 28000));
        Assert.Equal(1, IncomeCorrelation.Analyse(In("78646", 841), filosofi).Group("above_threshold").Correlation.N);
        Assert.Equal(0, IncomeCorrelation.Analyse(In("78646", 840), filosofi).Group("above_threshold").Correlation.N);
    }

    [Fact]
    public void Bootstrap_intervals_are_deterministic()
    {
        var a = IncomeCorrelation.Analyse(ExampleSituations(), Example, Threshold5);
        var b = IncomeCorrelation.Analyse(ExampleSituations(), Example, Threshold5);
        Assert.Equal(a.CorrelationTable.Rows.SelectMany(r => r).Select(Table.Format), b.CorrelationTable.Rows.SelectMany(r => r).Select(Table.Format));
    }

    [Fact]
    public void Several_old_codes_of_one_commune_are_not_merged()
    {
        var result = IncomeCorrelation.Analyse(In("01165", 3), Medians(("01003", 19000), ("01070", 21000)));
        Assert.Empty(result.Communes);
        Assert.Equal(2, result.UnmatchedCodes);
    }

    [Fact]
    public void No_match_and_a_single_commune_give_empty_correlations_not_NaN()
    {
        var none = IncomeCorrelation.Analyse(In("31555", 4), Medians(("99999", 20000)));
        Assert.All(none.Groups, g => Assert.Equal(Correlation.Empty(0), g.Correlation));

        var one = IncomeCorrelation.Analyse(In("31555", 4), Medians(("31555", 20000)));
        var all = one.Group("all").Correlation;
        Assert.Equal(1, all.N);
        Assert.Null(all.Pearson);
        Assert.Null(all.Spearman);

        var table = one.CorrelationTable;
        Assert.Equal(["group", "n", "pearson", "pearson_low", "pearson_high", "spearman", "spearman_low", "spearman_high"], table.Columns.Select(c => c.Name));
        Assert.Equal(["all", "1", null, null, null, null, null, null], table.Rows[0].Select(Table.Format));
        Assert.Equal(["all", "above_threshold", "ile_de_france", "outside_ile_de_france"], table.Rows.Select(r => r[0]));
    }
}
