namespace MesAides.Analytics.Analyses;

/// <summary>
/// Values kept as counts in bins of equal width, so that medians over millions of values take constant
/// memory. A quantile is interpolated linearly inside its bin (the grouped-data median): it is within one
/// bin width of the exact one. The mean is exact. Values outside the bins are counted (below, above);
/// a quantile that falls among them is unknown (null).
/// </summary>
public sealed class BinnedValues
{
    private readonly long[] _counts;

    /// <param name="from">Lower edge of the first bin (included).</param>
    /// <param name="width">Width of every bin: bin i holds <c>from + i·width ≤ v &lt; from + (i+1)·width</c>.</param>
    public BinnedValues(double from, double width, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        From = from;
        Width = width;
        _counts = new long[bins];
    }

    public double From { get; }

    public double Width { get; }

    public double To => From + (Width * _counts.Length);

    public long Count { get; private set; }

    public long Below { get; private set; }

    public long Above { get; private set; }

    public double Sum { get; private set; }

    public double? Mean => Count == 0 ? null : Sum / Count;

    public void Add(double value)
    {
        Count++;
        Sum += value;
        if (value < From)
        {
            Below++;
            return;
        }

        var index = Math.Floor((value - From) / Width);
        if (index >= _counts.Length)
        {
            Above++;
        }
        else
        {
            _counts[(int)index]++;
        }
    }

    /// <summary>The p-quantile: <c>lower + (p·n − before) / count · width</c> in the bin where it falls; null when empty or out of the bins.</summary>
    public double? Quantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var target = p * Count;
        if (Count == 0 || (Below > 0 && target <= Below))
        {
            return null;
        }

        double before = Below;
        for (var i = 0; i < _counts.Length; i++)
        {
            var count = _counts[i];
            if (count > 0 && before + count >= target)
            {
                return From + (Width * (i + ((target - before) / count)));
            }

            before += count;
        }

        return null;
    }
}
