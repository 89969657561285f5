namespace MesAides.Analytics.Loading;

/// <summary>How inputs are read.</summary>
/// <param name="Workers">Parser threads; 1 reads sequentially. Results are in input order either way.</param>
/// <param name="Strict">Stop at the first rejected document instead of counting it.</param>
public sealed record LoadOptions(int Workers, bool Strict = false)
{
    public static LoadOptions Default { get; } = new(Environment.ProcessorCount);
}
