using MesAides.Analytics.Analyses;
using MesAides.Analytics.Loading.Mongo;

namespace MesAides.Analytics.Reports;

/// <summary>
/// The tables that can be computed where the data is (audit, daily, housing, geography) written as the
/// report writes them, with the pushdown audit saying where each step ran. What needs whole documents
/// (resources, income, ages…) is not in it: run the full report for those.
/// </summary>
public static class CountsReport
{
    public static IReadOnlyList<string> Write(SituationCounts counts, string directory, int minCell)
    {
        List<Table> tables = [AuditTables.Of(counts.Cleaning, null, counts.Cleaning.Kept), .. counts.Tables];
        if (counts.Pushdown is { } pushdown)
        {
            tables.Add(pushdown.Table);
        }

        return ReportFiles.WriteTables(tables, directory, new Suppression(minCell));
    }
}
