namespace MesAides.Analytics.Analyses;

/// <summary>A two-sided interval, e.g. a 95 % bootstrap interval of a coefficient.</summary>
public readonly record struct Interval(double Low, double High);

/// <summary>
/// Pearson and Spearman coefficients of paired values, with their bootstrap intervals. A coefficient is
/// null where it is undefined (fewer than 2 pairs, or a constant series); an interval is null where no
/// bootstrap was asked, with fewer than 3 pairs, or when most resamples were degenerate.
/// </summary>
public sealed record Correlation(int N, double? Pearson, Interval? PearsonInterval, double? Spearman, Interval? SpearmanInterval)
{
    public static Correlation Empty(int n) => new(n, null, null, null, null);
}

/// <summary>Percentile bootstrap settings: resamples of the pairs with replacement, from a seeded generator.</summary>
public sealed record BootstrapOptions(int Resamples = 1000, int Seed = 20161017, double Level = 0.95)
{
    public static BootstrapOptions Default { get; } = new();
}

/// <summary>
/// Correlation statistics written out rather than taken from a library, so that ties, degenerate inputs and
/// the bootstrap are defined here and deterministic: the same input and seed give the same interval.
/// </summary>
public static class Statistics
{
    /// <summary>Pearson's r, or null with fewer than 2 pairs or a constant series.</summary>
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPairs(x, y);
        return PearsonOf(ToArray(x), ToArray(y));
    }

    /// <summary>Pearson's r over spans (two passes: means first, for numerical stability).</summary>
    private static double? PearsonOf(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("x and y must have the same length", nameof(y));
        }

        var n = x.Length;
        if (n < 2)
        {
            return null;
        }

        double sumX = 0, sumY = 0;
        for (var i = 0; i < n; i++)
        {
            sumX += x[i];
            sumY += y[i];
        }

        double meanX = sumX / n, meanY = sumY / n, sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (sxx <= 0 || syy <= 0)
        {
            return null;
        }

        var r = sxy / Math.Sqrt(sxx * syy);
        return double.IsFinite(r) ? Math.Clamp(r, -1, 1) : null;
    }

    /// <summary>1-based ranks; tied values share the average of the ranks they span (1, 2.5, 2.5, 4).</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        var n = values.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = ToArray(values);
        Array.Sort((double[])keys.Clone(), order);
        var ranks = new double[n];
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[order[end]] == keys[order[start]])
            {
                end++;
            }

            // Positions start..end-1 (0-based) hold ranks start+1..end: their mean.
            var rank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end;
        }

        return ranks;
    }

    /// <summary>Spearman's ρ: Pearson's r of the average ranks (the usual definition with ties).</summary>
    public static double? Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPairs(x, y);
        return PearsonOf(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>Both coefficients, with percentile bootstrap intervals when <paramref name="bootstrap"/> is given.</summary>
    /// <remarks>Each resample draws n pairs with replacement from a <see cref="Random"/> seeded with
    /// <see cref="BootstrapOptions.Seed"/>; Pearson and Spearman are computed on the same resamples. Resamples where
    /// a coefficient is undefined (a constant series) are left out; if more than half are, the interval is null.</remarks>
    public static Correlation Correlate(IReadOnlyList<double> x, IReadOnlyList<double> y, BootstrapOptions? bootstrap = null)
    {
        CheckPairs(x, y);
        var n = x.Count;
        var xs = ToArray(x);
        var ys = ToArray(y);
        var pearson = PearsonOf(xs, ys);
        var spearman = PearsonOf(AverageRanks(xs), AverageRanks(ys));
        if (bootstrap is null || n < 3 || (pearson is null && spearman is null))
        {
            return new Correlation(n, pearson, null, spearman, null);
        }

        var (pearsonInterval, spearmanInterval) = Bootstrap(xs, ys, bootstrap);
        return new Correlation(n, pearson, pearson is null ? null : pearsonInterval, spearman, spearman is null ? null : spearmanInterval);
    }

    /// <summary>The p-quantile of sorted values, linearly interpolated between order statistics (R's type 7).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }

        var h = (sorted.Count - 1) * Math.Clamp(p, 0, 1);
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private static (Interval? Pearson, Interval? Spearman) Bootstrap(double[] x, double[] y, BootstrapOptions options)
    {
        // The report runs this over some 35,000 communes, so a resample is kept as how many times each pair was
        // drawn, and read in one sequential pass over pairs sorted by x, on data centred once (one-pass sums stay
        // accurate). Ranks within the resample follow from the ranks in the whole sample by counting, not sorting.
        var n = x.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort((double[])x.Clone(), order);
        var position = new int[n];
        for (var p = 0; p < n; p++)
        {
            position[order[p]] = p;
        }

        var cx = Centred([.. order.Select(k => x[k])]);
        var cy = Centred([.. order.Select(k => y[k])]);
        var (denseX, distinctX) = DenseRanks([.. order.Select(k => x[k])]);
        var (denseY, distinctY) = DenseRanks([.. order.Select(k => y[k])]);
        var random = new Random(options.Seed);
        var drawn = new int[n];
        var countX = new int[distinctX];
        var countY = new int[distinctY];
        var rankX = new double[distinctX];
        var rankY = new double[distinctY];
        var pearsons = new List<double>(options.Resamples);
        var spearmans = new List<double>(options.Resamples);
        for (var b = 0; b < options.Resamples; b++)
        {
            Array.Clear(drawn);
            for (var i = 0; i < n; i++)
            {
                drawn[position[random.Next(n)]]++;
            }

            Array.Clear(countX);
            Array.Clear(countY);
            double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            for (var p = 0; p < n; p++)
            {
                // No test for w == 0: unpredictable branches cost more than the multiplications by 0.
                var w = drawn[p];
                double a = cx[p], c = cy[p];
                sx += w * a;
                sy += w * c;
                sxx += w * a * a;
                syy += w * c * c;
                sxy += w * a * c;
                countX[denseX[p]] += w;
                countY[denseY[p]] += w;
            }

            if (Coefficient(n, sx, sy, sxx, syy, sxy) is { } r)
            {
                pearsons.Add(r);
            }

            // Average ranks within the resample always have mean (n + 1) / 2: centre them on it.
            var varianceX = ResampleRanks(countX, rankX, n);
            var varianceY = ResampleRanks(countY, rankY, n);
            if (varianceX <= 0 || varianceY <= 0)
            {
                continue;
            }

            double srxy = 0;
            for (var p = 0; p < n; p++)
            {
                srxy += drawn[p] * rankX[denseX[p]] * rankY[denseY[p]];
            }

            spearmans.Add(Math.Clamp(srxy / Math.Sqrt(varianceX * varianceY), -1, 1));
        }

        return (Percentiles(pearsons, options), Percentiles(spearmans, options));
    }

    /// <summary>Pearson's r from one-pass sums of centred values; null for a (numerically) constant series.</summary>
    private static double? Coefficient(int n, double sx, double sy, double sxx, double syy, double sxy)
    {
        var vx = sxx - (sx * sx / n);
        var vy = syy - (sy * sy / n);
        if (vx <= 1e-12 * sxx || vy <= 1e-12 * syy)
        {
            return null;
        }

        var r = (sxy - (sx * sy / n)) / Math.Sqrt(vx * vy);
        return double.IsFinite(r) ? Math.Clamp(r, -1, 1) : null;
    }

    private static double[] Centred(double[] values)
    {
        var mean = values.Average();
        return [.. values.Select(v => v - mean)];
    }

    private static Interval? Percentiles(List<double> values, BootstrapOptions options)
    {
        if (values.Count * 2 < options.Resamples || values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var alpha = (1 - options.Level) / 2;
        return new Interval(Quantile(values, alpha), Quantile(values, 1 - alpha));
    }

    /// <summary>
    /// Average rank within a resample of each distinct value of the whole sample, minus the mean rank (n + 1) / 2;
    /// returns the sum of squares of the centred ranks over the resample.
    /// </summary>
    private static double ResampleRanks(int[] counts, double[] ranks, int n)
    {
        var mean = (n + 1) / 2.0;
        var below = 0;
        var squares = 0.0;
        for (var d = 0; d < counts.Length; d++)
        {
            var centred = below + ((counts[d] + 1) / 2.0) - mean;
            ranks[d] = centred;
            squares += counts[d] * centred * centred;
            below += counts[d];
        }

        return squares;
    }

    /// <summary>0-based index of each value among the sorted distinct values, and how many distinct values there are.</summary>
    private static (int[] Dense, int Distinct) DenseRanks(double[] values)
    {
        var n = values.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort((double[])values.Clone(), order);
        var dense = new int[n];
        var d = -1;
        for (var k = 0; k < n; k++)
        {
            if (k == 0 || values[order[k]] != values[order[k - 1]])
            {
                d++;
            }

            dense[order[k]] = d;
        }

        return (dense, d + 1);
    }

    private static void CheckPairs(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values and y {y.Count}: pairs are needed", nameof(y));
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                throw new ArgumentException($"pair {i} is not finite", nameof(x));
            }
        }
    }

    private static double[] ToArray(IReadOnlyList<double> values) => values as double[] ?? [.. values];
}
