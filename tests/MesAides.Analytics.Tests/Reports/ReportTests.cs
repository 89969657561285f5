using System.Text.Json;
using MesAides.Analytics.Analyses;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Reference;
using MesAides.Analytics.Reports;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Reports;

/// <summary>The report end to end on the embedded sample: tables against the library, audit, suppression.</summary>
public class ReportTests
{
    private static readonly Lazy<(ReportResult Result, string Directory)> Default = new(() => Run(new ReportOptions()));

    private static (ReportResult, string) Run(ReportOptions options, SituationSource? source = null, Geography? geography = null)
    {
        var result = new ReportRunner(geography).Run(source ?? SituationSource.Sample(), options);
        var directory = Paths.TempDirectory();
        ReportFiles.Write(result, directory);
        return (result, directory);
    }

    private static List<string[]> Csv(string directory, string table) =>
        [.. File.ReadAllLines(Path.Combine(directory, "tables", table + ".csv")).Select(l => l.Split(','))];

    [Theory]
    [InlineData("audit", "step,situations,description")]
    [InlineData("housing", "category,situations,share")]
    [InlineData("housing_detail", "category,detail,situations,share")]
    [InlineData("communes", "insee,commune,departement,situations,population,per_10000,resolution")]
    [InlineData("departements", "departement,nom,situations,population,per_10000")]
    [InlineData("resources", "type,individuals,share")]
    [InlineData("income", "bin,lower,upper,situations,share")]
    [InlineData("ages", "band,role,individuals,share")]
    [InlineData("daily", "date,situations")]
    [InlineData("question_order", "question,order,mean_position,situations")]
    [InlineData("data_quality", "format,field,missing,total,share")]
    public void Tables_have_their_contract_columns_first(string table, string header)
    {
        var (_, directory) = Default.Value;

        var first = File.ReadLines(Path.Combine(directory, "tables", table + ".csv")).First();

        Assert.StartsWith(header, first, StringComparison.Ordinal);
    }

    [Fact]
    public void The_audit_reconciles_with_the_loader_and_the_cleaner()
    {
        var (result, directory) = Default.Value;
        var rows = Csv(directory, "audit").Skip(1).ToDictionary(r => r[0], r => long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
        var clean = Cleaner.Default.Apply(SituationSource.Sample().Load());

        Assert.True(result.Reconciles);
        Assert.Equal(rows["read"], rows.Where(r => r.Key != "read").Sum(r => r.Value));
        Assert.Equal(clean.Audit.Load.Read, rows["read"]);
        Assert.Equal(clean.Audit.Kept, rows["kept"]);
        Assert.All(CleaningRules.All, rule => Assert.Equal(clean.Audit.RemovedBy(rule), rows[rule]));
        Assert.Equal(clean.Audit.Load.Rejected, rows.Where(r => r.Key.StartsWith("rejected:", StringComparison.Ordinal)).Sum(r => r.Value));
    }

    [Fact]
    public void Housing_and_commune_tables_are_the_library_s_analyses_with_small_cells_suppressed()
    {
        var (_, directory) = Default.Value;
        var situations = Cleaner.Default.Apply(SituationSource.Sample().Load()).Situations;
        var housing = Housing.Analyse(situations);
        var geography = GeographyUsage.Analyse(situations);

        var rows = Csv(directory, "housing").Skip(1).ToList();
        foreach (var row in rows.Where(r => r[0] != HousingResult.UnknownLabel))
        {
            var category = Model.HousingCategories.FromLabel(row[0])!.Value;
            var count = housing.ByCategory[category];
            Assert.Equal(count is > 0 and < 11 ? string.Empty : count.ToString(System.Globalization.CultureInfo.InvariantCulture), row[1]);
        }

        var communes = Csv(directory, "communes").Skip(1).ToList();
        Assert.Equal(geography.Communes.Count, communes.Count);
        Assert.Equal(geography.Communes[0].Commune.Insee, communes[0][0]);
        Assert.Contains(communes, r => r[3] == string.Empty);
        Assert.All(communes.Where(r => r[3] == string.Empty), r => Assert.Equal(string.Empty, r[5]));
        Assert.All(communes.Where(r => r[3] != string.Empty), r => Assert.True(long.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture) >= 11));
    }

    [Fact]
    public void Resource_and_income_tables_are_the_library_s_analyses()
    {
        var (_, directory) = Run(new ReportOptions { MinCell = 0, WriteHtml = false });
        var situations = Cleaner.Default.Apply(SituationSource.Sample().Load()).Situations;
        var resources = ResourceUsage.Analyse(situations);
        var income = Income.Analyse(situations);

        var rows = Csv(directory, "resources").Skip(1).ToList();
        Assert.Equal(resources.Types.Select(t => (t.Type, t.Individuals.ToString(System.Globalization.CultureInfo.InvariantCulture))), rows.Select(r => (r[0], r[1])));
        var bins = Csv(directory, "income").Skip(1).ToList();
        Assert.Equal(income.Bins.Select(b => b.Situations.ToString(System.Globalization.CultureInfo.InvariantCulture)), bins.Select(r => r[^2]));
        Assert.Equal(situations.Count, income.Bins.Sum(b => b.Situations));
    }

    [Fact]
    public void Correlation_and_visits_tables_appear_only_when_their_inputs_are_given()
    {
        var (_, without) = Default.Value;
        Assert.False(File.Exists(Path.Combine(without, "tables", "income_correlation.csv")));
        Assert.False(File.Exists(Path.Combine(without, "tables", "visits.csv")));

        var options = new ReportOptions
        {
            FilosofiPath = Paths.Fixture("filosofi/insee-2019.csv"),
            VisitsPath = Paths.Fixture("visits/matomo-en.csv"),
            WriteHtml = false,
        };
        var (result, directory) = Run(options);

        Assert.StartsWith("group,n,pearson", File.ReadLines(Path.Combine(directory, "tables", "income_correlation.csv")).First(), StringComparison.Ordinal);
        Assert.StartsWith("date,situations,visits,ratio,diverges", File.ReadLines(Path.Combine(directory, "tables", "visits.csv")).First(), StringComparison.Ordinal);
        Assert.NotNull(result.Current.IncomeCorrelation);
        Assert.NotNull(result.Current.Visits);
    }

    [Fact]
    public void Daily_counts_sum_to_the_kept_situations()
    {
        var (result, _) = Default.Value;

        Assert.Equal(result.Current.Situations, result.Current.Time.Daily.Sum(d => d.Situations));
    }

    [Fact]
    public void Min_cell_zero_publishes_every_count()
    {
        var (_, directory) = Run(new ReportOptions { MinCell = 0, WriteHtml = false });

        var communes = Csv(directory, "communes").Skip(1).ToList();

        Assert.All(communes, r => Assert.NotEqual(string.Empty, r[3]));
        Assert.Contains(communes, r => r[3] == "1");
    }

    [Fact]
    public void Shares_are_fractions_that_sum_to_one()
    {
        var (_, directory) = Run(new ReportOptions { MinCell = 0, WriteHtml = false });

        var shares = Csv(directory, "housing").Skip(1).Where(r => r[2] != string.Empty).Select(r => double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.All(shares, s => Assert.InRange(s, 0, 1));
        Assert.Equal(1, shares.Sum(), 9);
    }

    [Fact]
    public void The_same_input_and_options_give_byte_identical_outputs()
    {
        var (_, first) = Run(new ReportOptions());
        var (_, second) = Run(new ReportOptions());

        foreach (var file in Directory.GetFiles(first, "*", SearchOption.AllDirectories))
        {
            var twin = Path.Combine(second, Path.GetRelativePath(first, file));
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(twin)), $"{Path.GetRelativePath(first, file)} differs between runs");
        }
    }

    [Fact]
    public void A_period_keeps_its_situations_and_counts_the_rest_as_outside_it()
    {
        var options = new ReportOptions { From = new DateOnly(2020, 1, 1), To = new DateOnly(2020, 12, 31) };
        var (result, directory) = Run(options);
        var inPeriod = Cleaner.Default.Apply(SituationSource.Sample().Load()).Situations.Count(s => s.Date.Year == 2020);

        Assert.Equal(inPeriod, result.Current.Situations);
        Assert.True(result.Reconciles);
        Assert.Equal(new ReportPeriod(new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31)), result.ComparedPeriod);
        Assert.NotNull(result.Compared);
        Assert.Contains(Csv(directory, "audit"), r => r[0] == "outside-period");
    }

    [Fact]
    public void Period_month_without_dates_takes_the_last_month_of_the_data_and_compares_with_the_one_before()
    {
        var (result, _) = Run(new ReportOptions { Period = PeriodKind.Month, WriteHtml = false });

        Assert.Equal(new DateOnly(2024, 12, 1), result.Period.From);
        Assert.Equal(new DateOnly(2024, 12, 31), result.Period.To);
        Assert.Equal(new DateOnly(2024, 11, 1), result.ComparedPeriod!.From);
        Assert.True(result.Current.Situations > 0);
    }

    [Fact]
    public void Summary_json_has_the_headline_figures_and_says_the_data_is_synthetic()
    {
        var (result, directory) = Default.Value;
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "summary.json")));
        var root = json.RootElement;

        Assert.True(root.GetProperty("synthetic").GetBoolean());
        Assert.Equal(result.Current.Situations, root.GetProperty("audit").GetProperty("kept").GetInt64());
        var situations = root.GetProperty("headlines").EnumerateArray().Single(h => h.GetProperty("id").GetString() == "situations");
        Assert.Equal(result.Current.Situations, situations.GetProperty("value").GetInt64());
    }
}
