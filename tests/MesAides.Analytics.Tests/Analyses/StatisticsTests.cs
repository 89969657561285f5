using MesAides.Analytics.Analyses;

namespace MesAides.Analytics.Tests.Analyses;

public sealed class StatisticsTests
{
    [Fact]
    public void Pearson_of_a_perfect_line_is_one_and_of_a_falling_line_minus_one()
    {
        Assert.Equal(1, Statistics.Pearson([1, 2, 3], [2, 4, 6])!.Value, 12);
        Assert.Equal(-1, Statistics.Pearson([1, 2, 3], [6, 4, 2])!.Value, 12);
    }

    [Fact]
    public void Pearson_by_hand()
    {
        // Means 2.5 and 2.5; deviations (-1.5, -0.5, 0.5, 1.5) and (-1.5, 0.5, -0.5, 1.5):
        // Sxy = 2.25 - 0.25 - 0.25 + 2.25 = 4, Sxx = Syy = 5, r = 4 / 5.
        Assert.Equal(0.8, Statistics.Pearson([1, 2, 3, 4], [1, 3, 2, 4])!.Value, 12);
    }

    [Fact]
    public void Undefined_coefficients_are_null_not_NaN()
    {
        Assert.Null(Statistics.Pearson([], []));
        Assert.Null(Statistics.Pearson([5], [7]));
        Assert.Null(Statistics.Pearson([1, 2, 3], [4, 4, 4]));
        Assert.Null(Statistics.Spearman([2, 2], [1, 3]));
        var one = Statistics.Correlate([1], [2], BootstrapOptions.Default);
        Assert.Equal(Correlation.Empty(1), one);
    }

    [Fact]
    public void Tied_values_share_the_average_of_their_ranks()
    {
        Assert.Equal([1, 3, 3, 5, 3], Statistics.AverageRanks([10, 20, 20, 30, 20]));
        Assert.Equal([2.5, 2.5, 1, 4], Statistics.AverageRanks([7, 7, -1, 8]));
    }

    [Fact]
    public void Spearman_of_a_monotone_curve_is_one_where_Pearson_is_not()
    {
        double[] x = [1, 2, 3, 4];
        double[] y = [1, 4, 9, 100];
        Assert.Equal(1, Statistics.Spearman(x, y)!.Value, 12);
        Assert.True(Statistics.Pearson(x, y) < 0.9);
        Assert.Equal(-1, Statistics.Spearman(x, [50, 8, 3, 0])!.Value, 12);
    }

    [Fact]
    public void Spearman_with_ties_is_Pearson_of_average_ranks()
    {
        // Ranks of x: 1, 2.5, 2.5, 4; of y: 1, 2, 3, 4. Sxy = 2.25 + 0 + 0 + 2.25 = 4.5, Sxx = 4.5, Syy = 5:
        // rho = 4.5 / sqrt(4.5 * 5) = 3 / sqrt(10).
        Assert.Equal(3 / Math.Sqrt(10), Statistics.Spearman([1, 2, 2, 3], [10, 20, 30, 40])!.Value, 12);
    }

    [Fact]
    public void Quantile_interpolates_between_order_statistics()
    {
        Assert.Equal(2.5, Statistics.Quantile([1, 2, 3, 4], 0.5), 12);
        Assert.Equal(1.075, Statistics.Quantile([1, 2, 3, 4], 0.025), 12);
        Assert.Equal(4, Statistics.Quantile([1, 2, 3, 4], 1), 12);
    }

    [Fact]
    public void Bootstrap_with_the_same_seed_gives_the_same_interval()
    {
        var (x, y) = NoisyPairs(60);
        var a = Statistics.Correlate(x, y, new BootstrapOptions(500, Seed: 42));
        var b = Statistics.Correlate(x, y, new BootstrapOptions(500, Seed: 42));
        var c = Statistics.Correlate(x, y, new BootstrapOptions(500, Seed: 43));

        Assert.Equal(a, b);
        Assert.NotNull(a.PearsonInterval);
        Assert.NotNull(a.SpearmanInterval);
        Assert.NotEqual(a.PearsonInterval, c.PearsonInterval);
        Assert.InRange(a.Pearson!.Value, a.PearsonInterval!.Value.Low, a.PearsonInterval.Value.High);
        Assert.InRange(a.Spearman!.Value, a.SpearmanInterval!.Value.Low, a.SpearmanInterval.Value.High);
        Assert.True(a.PearsonInterval.Value.Low < a.PearsonInterval.Value.High);
    }

    [Fact]
    public void Bootstrap_interval_of_a_perfect_line_is_one_to_one()
    {
        var ci = Statistics.Correlate([1, 2, 3, 4, 5, 6, 7, 8], [3, 5, 7, 9, 11, 13, 15, 17], new BootstrapOptions(200, Seed: 1));
        Assert.Equal(1, ci.PearsonInterval!.Value.Low, 9);
        Assert.Equal(1, ci.SpearmanInterval!.Value.High, 9);
        Assert.Equal(8, ci.N);
    }

    [Fact]
    public void Bootstrap_matches_resampling_pairs_and_ranking_each_resample_again()
    {
        // The definition, written plainly: n draws of Random(seed).Next(n) per resample, both coefficients on the
        // resampled pairs (ranks recomputed within the resample, ties averaged), 2.5 % and 97.5 % quantiles.
        double[] x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
        double[] y = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4];
        const int resamples = 300;
        var random = new Random(7);
        var pearsons = new List<double>();
        var spearmans = new List<double>();
        for (var b = 0; b < resamples; b++)
        {
            var picks = Enumerable.Range(0, x.Length).Select(_ => random.Next(x.Length)).ToArray();
            double[] bx = [.. picks.Select(i => x[i])];
            double[] by = [.. picks.Select(i => y[i])];
            if (Statistics.Pearson(bx, by) is { } r)
            {
                pearsons.Add(r);
            }

            if (Statistics.Spearman(bx, by) is { } rho)
            {
                spearmans.Add(rho);
            }
        }

        pearsons.Sort();
        spearmans.Sort();
        var result = Statistics.Correlate(x, y, new BootstrapOptions(resamples, Seed: 7));

        Assert.Equal(Statistics.Quantile(pearsons, 0.025), result.PearsonInterval!.Value.Low, 12);
        Assert.Equal(Statistics.Quantile(pearsons, 0.975), result.PearsonInterval.Value.High, 12);
        Assert.Equal(Statistics.Quantile(spearmans, 0.025), result.SpearmanInterval!.Value.Low, 12);
        Assert.Equal(Statistics.Quantile(spearmans, 0.975), result.SpearmanInterval.Value.High, 12);
    }

    [Fact]
    public void Pairs_must_match_and_be_finite()
    {
        Assert.Throws<ArgumentException>(() => Statistics.Pearson([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => Statistics.Spearman([1, double.NaN], [1, 2]));
    }

    private static (double[] X, double[] Y) NoisyPairs(int n)
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var y = x.Select(v => v + (random.NextDouble() * 40)).ToArray();
        return (x, y);
    }
}
