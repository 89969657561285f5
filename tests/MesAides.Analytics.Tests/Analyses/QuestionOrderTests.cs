using MesAides.Analytics.Analyses;
using MesAides.Analytics.Model;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Analyses;

public sealed class QuestionOrderTests
{
    private static Situation Housed(HousingCategory? category) => Some.Situation(household: Some.Household(category: category));

    private static Situation Declaring(params Individual[] individuals) => Some.Situation(date: new DateOnly(2016, 3, 15), household: Some.Household(category: null, detail: null), individuals: individuals);

    private static Individual With(params MonthlyAmount[] resources) => Some.Individual(resources: resources);

    [Fact]
    public void Housing_positions_by_hand()
    {
        // 2 tenants, 3 owners, 1 hosted, 1 unanswered. Form order: Locataire 1, Propriétaire 2, Hébergé 3, Sans domicile 4:
        // mean (2×1 + 3×2 + 1×3) / 6 = 11/6. By frequency: Propriétaire 1, Locataire 2, Hébergé 3: (3×1 + 2×2 + 1×3) / 6 = 10/6.
        var result = QuestionOrder.Analyse([
            Housed(HousingCategory.Locataire), Housed(HousingCategory.Locataire),
            Housed(HousingCategory.Proprietaire), Housed(HousingCategory.Proprietaire), Housed(HousingCategory.Proprietaire),
            Housed(HousingCategory.Heberge), Housed(null),
        ]);

        var housing = result.Housing;
        Assert.Equal(6, housing.Situations);
        Assert.Equal(11.0 / 6, housing.FormMean, 12);
        Assert.Equal(10.0 / 6, housing.FrequencyMean, 12);
        Assert.Equal(1.0 / 6, housing.Saved, 12);
        Assert.Equal(["Propriétaire", "Locataire", "Hébergé", "Sans domicile"], housing.ByFrequency.Select(o => o.Option));
        Assert.Equal([2, 1, 3, 4], housing.ByFrequency.Select(o => o.FormPosition));
        Assert.Equal([3L, 2L, 1L, 0L], housing.ByFrequency.Select(o => o.Situations));
    }

    [Fact]
    public void Resource_checklist_cost_is_the_last_declared_type_in_each_order()
    {
        // Month M = 2016-03: months 2015-03 … 2016-02 count. Form order: salaire_net 1, chomage_net 2, af 3,
        // then types not listed (bourse_recherche 4).
        var options = new QuestionOrderOptions(HousingCategories.All, ["salaire_net", "chomage_net", "af"]);
        var result = QuestionOrder.Analyse([
            Declaring(With(Some.Monthly("af", "2016-02", 130))),                                               // form 3
            Declaring(With(Some.Monthly("af", "2016-01", 130), Some.Monthly("af", "2016-02", 130)),
                Some.Individual("conjoint", "conjoint", resources: [Some.Monthly("salaire_net", "2015-12", 1500)])), // form 3
            Declaring(With(Some.Monthly("chomage_net", "2015-06", 900))),                                        // form 2
            Declaring(With(Some.Monthly("bourse_recherche", "2015-03", 200))),                                   // form 4 (M-12 counts)
            Declaring(With(Some.Monthly("af", "2016-03", 130), Some.Monthly("salaire_net", "2015-02", 1500))),   // M and M-13: nothing
            Declaring(With(Some.Monthly("salaire_net", "2016-01", 0))),                                           // zero: nothing
        ], options);

        var resources = result.Resources;
        // Frequency: af 2 situations, then 1 each in form order: salaire_net 2, chomage_net 3, bourse_recherche 4.
        Assert.Equal(["af", "salaire_net", "chomage_net", "bourse_recherche"], resources.ByFrequency.Select(o => o.Option));
        Assert.Equal([2L, 1L, 1L, 1L], resources.ByFrequency.Select(o => o.Situations));
        Assert.Equal(4, resources.Situations);
        Assert.Equal((3 + 3 + 2 + 4) / 4.0, resources.FormMean, 12);
        // By frequency: af 1; af + salaire 2; chomage 3; bourse 4.
        Assert.Equal((1 + 2 + 3 + 4) / 4.0, resources.FrequencyMean, 12);
        Assert.Equal(0.5, resources.Saved, 12);
    }

    [Fact]
    public void Tables_list_both_orders_and_the_options()
    {
        var result = QuestionOrder.Analyse([Housed(HousingCategory.Heberge), Declaring(With(Some.Monthly("rsa", "2016-02", 500)))]);

        var positions = result.PositionTable;
        Assert.Equal("question_order", positions.Name);
        Assert.Equal(["question", "order", "mean_position", "situations"], positions.Columns.Select(c => c.Name));
        Assert.Equal(["housing", "form", "3", "1"], positions.Rows[0].Select(Table.Format));
        Assert.Equal(["housing", "frequency", "1", "1"], positions.Rows[1].Select(Table.Format));
        Assert.Equal(["resources", "form", "6", "1"], positions.Rows[2].Select(Table.Format));     // rsa is 6th in the default list
        Assert.Equal(["resources", "frequency", "1", "1"], positions.Rows[3].Select(Table.Format));

        var options = result.OptionTable;
        Assert.Equal("question_order_options", options.Name);
        Assert.Equal(["question", "option", "situations", "form_position", "frequency_position"], options.Columns.Select(c => c.Name));
        Assert.Equal(["housing", "Hébergé", "1", "3", "1"], options.Rows[0].Select(Table.Format));
        Assert.Equal(["resources", "rsa", "1", "6", "1"], options.Rows.First(r => (string)r[0]! == "resources").Select(Table.Format));
    }

    [Fact]
    public void The_default_resource_order_starts_with_the_2016_forms_most_common_types()
    {
        Assert.Equal(["salaire_net", "chomage_net", "retraite_nette", "aide_logement", "af", "rsa", "pensions_alimentaires_percues"],
            QuestionOrderOptions.Default.Resources.Take(7));
        Assert.Equal(QuestionOrderOptions.DefaultResourceOrder.Count, QuestionOrderOptions.DefaultResourceOrder.Distinct().Count());
    }
}
