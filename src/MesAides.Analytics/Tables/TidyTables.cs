using Microsoft.Data.Analysis;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Tables;

/// <summary>The tidy tables as DataFrames, for notebooks. Column names are those of the CSV contract.</summary>
/// <param name="Situations">One row per situation.</param>
/// <param name="Individuals">One row per individual.</param>
/// <param name="Resources">One row per individual, resource type and month.</param>
/// <param name="FiscalResources">One row per individual, fiscal type and year.</param>
public sealed record TidyTables(DataFrame Situations, DataFrame Individuals, DataFrame Resources, DataFrame FiscalResources)
{
    public static TidyTables From(IEnumerable<Situation> situations)
    {
        var s = new Columns("id", "format", "date_de_valeur", "status", "modified_from", "housing", "housing_detail", "postal_code", "insee", "commune");
        var rent = new PrimitiveDataFrameColumn<double>("rent");
        var dates = new PrimitiveDataFrameColumn<DateTime>("date_de_valeur_utc");
        var i = new Columns("situation_id", "individual_id", "role", "birth_date");
        var age = new PrimitiveDataFrameColumn<int>("age");
        var r = new Columns("situation_id", "individual_id", "type", "month");
        var amount = new PrimitiveDataFrameColumn<double>("amount");
        var f = new Columns("situation_id", "individual_id", "type");
        var year = new PrimitiveDataFrameColumn<int>("year");
        var fiscalAmount = new PrimitiveDataFrameColumn<double>("amount");

        foreach (var situation in situations)
        {
            var h = situation.Household;
            var date = situation.Date;
            s.Add(situation.Id, situation.Format.ToString(), Loading.CsvTables.Date(date), situation.Status, situation.ModifiedFrom,
                h.Category?.Label(), h.HousingDetail, h.PostalCode, h.Insee, h.Commune);
            rent.Append(h.Loyer);
            dates.Append(situation.DateDeValeur.UtcDateTime);
            foreach (var individual in situation.Individuals)
            {
                i.Add(situation.Id, individual.Id, individual.Role, individual.BirthDate is { } b ? Loading.CsvTables.Date(b) : null);
                age.Append(individual.AgeAt(date));
                foreach (var resource in individual.Resources)
                {
                    r.Add(situation.Id, individual.Id, resource.Type, resource.Month.ToString());
                    amount.Append(resource.Amount);
                }

                foreach (var fiscal in individual.FiscalResources)
                {
                    f.Add(situation.Id, individual.Id, fiscal.Type);
                    year.Append(fiscal.Year);
                    fiscalAmount.Append(fiscal.Amount);
                }
            }
        }

        return new TidyTables(
            s.ToFrame(rent, dates),
            i.ToFrame(age),
            r.ToFrame(amount),
            f.ToFrame(year, fiscalAmount));
    }

    /// <summary>String columns filled row by row.</summary>
    private sealed class Columns(params string[] names)
    {
        private readonly StringDataFrameColumn[] _columns = [.. names.Select(n => new StringDataFrameColumn(n))];

        public void Add(params string?[] values)
        {
            for (var k = 0; k < _columns.Length; k++)
            {
                _columns[k].Append(values[k]);
            }
        }

        public DataFrame ToFrame(params DataFrameColumn[] more) => new([.. _columns, .. more]);
    }
}
