using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Sample;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Sample;

public class SampleGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        byte[] Bytes(int seed)
        {
            using var stream = new MemoryStream();
            SampleGenerator.Write(new SampleGenerator(new SampleOptions(300, seed), Geography.Default).Documents(), stream, SampleFormat.Bson);
            return stream.ToArray();
        }

        Assert.Equal(Bytes(1), Bytes(1));
        Assert.NotEqual(Bytes(1), Bytes(2));
    }

    [Fact]
    public void The_committed_sample_is_what_the_generator_makes_with_its_documented_seed()
    {
        var committed = Path.Combine(Paths.RepoRoot, "data", "sample", "situations.jsonl.gz");
        var regenerated = Path.Combine(Paths.TempDirectory(), "situations.jsonl.gz");
        SampleGenerator.Write(new SampleGenerator(new SampleOptions(5000, 2016), Geography.Default).Documents(), regenerated, SampleFormat.Jsonl);

        Assert.Equal(
            ModelText.Of(SituationSource.Open(committed).Load().Situations),
            ModelText.Of(SituationSource.Open(regenerated).Load().Situations));
    }

    [Fact]
    public void The_sample_spans_all_three_formats_and_realistic_shares()
    {
        var situations = SituationSource.Sample().Load().Situations;

        var formats = situations.GroupBy(s => s.Format).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enum.GetValues<StorageFormat>(), f => Assert.True(formats.GetValueOrDefault(f) > 500, $"{f}: {formats.GetValueOrDefault(f)}"));

        var known = situations.Where(s => s.Household.Category is not null).ToList();
        double Share(HousingCategory c) => known.Count(s => s.Household.Category == c) / (double)known.Count;
        Assert.InRange(Share(HousingCategory.Locataire), 0.50, 0.60);
        Assert.InRange(Share(HousingCategory.Proprietaire), 0.25, 0.35);
        Assert.InRange(Share(HousingCategory.Heberge), 0.09, 0.15);
        Assert.InRange(Share(HousingCategory.SansDomicile), 0.015, 0.05);

        var sizes = situations.Select(s => s.Individuals.Length).ToList();
        Assert.Equal(1, sizes.Min());
        Assert.InRange(sizes.Max(), 5, 6);
        var withoutIncome = situations.Count(s => s.Individuals.All(i => i.Resources.IsEmpty)) / (double)situations.Count;
        Assert.InRange(withoutIncome, 0.30, 0.45);
    }

    [Fact]
    public void The_embedded_sample_says_it_is_synthetic()
    {
        var source = SituationSource.Sample();

        Assert.True(source.IsSample);
        Assert.Contains("synthetic", source.Name, StringComparison.Ordinal);
    }
}
