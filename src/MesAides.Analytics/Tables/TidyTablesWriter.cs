using System.Globalization;
using CsvHelper;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Tables;

/// <summary>
/// Writes situations as the four tidy tables (<c>situations.csv</c>, <c>individuals.csv</c>,
/// <c>resources.csv</c>, <c>fiscal_resources.csv</c>), one situation at a time.
/// </summary>
public sealed class TidyTablesWriter : IDisposable
{
    private readonly CsvWriter _situations;
    private readonly CsvWriter _individuals;
    private readonly CsvWriter _resources;
    private readonly CsvWriter _fiscal;

    public TidyTablesWriter(string directory)
    {
        _situations = CsvOutput.Create(Path.Combine(directory, CsvTables.SituationsFile), CsvTables.SituationColumns);
        _individuals = CsvOutput.Create(Path.Combine(directory, CsvTables.IndividualsFile), CsvTables.IndividualColumns);
        _resources = CsvOutput.Create(Path.Combine(directory, CsvTables.ResourcesFile), CsvTables.ResourceColumns);
        _fiscal = CsvOutput.Create(Path.Combine(directory, CsvTables.FiscalResourcesFile), CsvTables.FiscalResourceColumns);
    }

    public long Written { get; private set; }

    public void Write(Situation situation)
    {
        CsvOutput.WriteRow(_situations, SituationRow(situation));
        var date = situation.Date;
        foreach (var individual in situation.Individuals)
        {
            CsvOutput.WriteRow(_individuals, [
                situation.Id, individual.Id, individual.Role,
                individual.BirthDate is { } b ? CsvTables.Date(b) : null,
                individual.AgeAt(date)?.ToString(CultureInfo.InvariantCulture)]);
            foreach (var r in individual.Resources)
            {
                CsvOutput.WriteRow(_resources, [situation.Id, individual.Id, r.Type, r.Month.ToString(), CsvTables.Number(r.Amount)]);
            }

            foreach (var f in individual.FiscalResources)
            {
                CsvOutput.WriteRow(_fiscal, [situation.Id, individual.Id, f.Type, f.Year.ToString(CultureInfo.InvariantCulture), CsvTables.Number(f.Amount)]);
            }
        }

        Written++;
    }

    /// <summary>The row of <c>situations.csv</c> (also the notebooks' situations DataFrame).</summary>
    public static string?[] SituationRow(Situation s)
    {
        var h = s.Household;
        return [
            s.Id, CsvTables.FormatName(s.Format), CsvTables.Date(s.Date), s.Status, s.ModifiedFrom,
            h.Category?.Label(), h.HousingDetail, CsvTables.Number(h.Loyer), h.PostalCode, h.Insee, h.Commune,
            CsvTables.Instant(s.DateDeValeur), s.Version?.ToString(CultureInfo.InvariantCulture), CsvTables.Number(h.Charges)];
    }

    public void Dispose()
    {
        _situations.Dispose();
        _individuals.Dispose();
        _resources.Dispose();
        _fiscal.Dispose();
    }
}
