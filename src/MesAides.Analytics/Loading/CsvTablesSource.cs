using System.Globalization;
using CsvHelper;
using MesAides.Analytics.Model;

namespace MesAides.Analytics.Loading;

/// <summary>Reads the toolkit's own tidy CSV tables back into situations (round trip), as a stream.</summary>
internal sealed class CsvTablesSource(string directory, LoadOptions? options) : SituationSource(options)
{
    public override string Name => directory;

    public override IEnumerable<MapResult> ReadAll()
    {
        using var situations = Open(CsvTables.SituationsFile)!;
        using var individuals = new ChildTable(Open(CsvTables.IndividualsFile));
        using var resources = new ChildTable(Open(CsvTables.ResourcesFile));
        using var fiscal = new ChildTable(Open(CsvTables.FiscalResourcesFile));
        while (situations.Read())
        {
            var location = new DocumentLocation(Path.Combine(directory, CsvTables.SituationsFile), LocationKind.Line, situations.LineNumber);
            MapResult result;
            try
            {
                result = MapResult.Of(ReadSituation(situations, individuals, resources, fiscal));
            }
            catch (MappingException e)
            {
                result = MapResult.Of(new Rejection(e.Reason, location, e.Field, e.Message));
            }

            yield return result;
        }
    }

    private CsvReader? Open(string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path) ? CsvReader.Create(InputStreams.Open(path), ReaderOptions) : null;
    }

    private static readonly CsvReaderOptions ReaderOptions = new() { Separator = ',', TrackLineNumbers = true };

    private static Situation ReadSituation(CsvReader row, ChildTable individuals, ChildTable resources, ChildTable fiscal)
    {
        var id = Text(row, "id") ?? throw new MappingException(RejectionReasons.InvalidCsv, "id", "empty id");
        var format = Enum.TryParse<StorageFormat>(Text(row, "format"), out var f) ? f
            : throw new MappingException(RejectionReasons.InvalidCsv, "format", "expected A, B or C");
        var instant = Text(row, "date_de_valeur_utc") is { } utc
            ? Parse(utc, "date_de_valeur_utc", s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
            : ParisTime.Midnight(Parse(Text(row, "date_de_valeur"), "date_de_valeur", s => DateOnly.ParseExact(s, CsvTables.DateFormat, CultureInfo.InvariantCulture)));
        var household = new Household(
            HousingCategories.FromLabel(Text(row, "housing")),
            Text(row, "housing_detail"),
            OptionalNumber(row, "rent"),
            OptionalNumber(row, "charges"),
            Text(row, "postal_code"),
            Text(row, "insee"),
            Text(row, "commune"));
        var version = Text(row, "version") is { } v ? Parse(v, "version", s => int.Parse(s, CultureInfo.InvariantCulture)) : (int?)null;

        var members = new List<SituationMapper.IndividualBuilder>();
        foreach (var child in Children(individuals, id))
        {
            var individualId = Text(child, "individual_id")!;
            var birth = Text(child, "birth_date") is { } b ? Parse(b, "birth_date", s => DateOnly.ParseExact(s, CsvTables.DateFormat, CultureInfo.InvariantCulture)) : (DateOnly?)null;
            members.Add(new SituationMapper.IndividualBuilder(individualId, Text(child, "role"))
            {
                BirthDate = birth,
                DeclaredAge = birth is null && Text(child, "age") is { } a ? Parse(a, "age", s => int.Parse(s, CultureInfo.InvariantCulture)) : null,
            });
        }

        foreach (var child in Children(resources, id))
        {
            var member = Member(members, Text(child, "individual_id"));
            var month = Parse(Text(child, "month"), "month", YearMonth.Parse);
            member.Monthly.Add(new MonthlyAmount(Text(child, "type")!, month, Number(child, "amount")));
        }

        foreach (var child in Children(fiscal, id))
        {
            var member = Member(members, Text(child, "individual_id"));
            var year = Parse(Text(child, "year"), "year", s => int.Parse(s, CultureInfo.InvariantCulture));
            member.Fiscal.Add(new FiscalAmount(Text(child, "type")!, year, Number(child, "amount")));
        }

        return new Situation(id, format, version, instant, Text(row, "status"), Text(row, "modified_from"), household, [.. members.Select(m => m.Build())]);
    }

    /// <summary>A child table read in step with situations.csv: its rows follow the situations' order.</summary>
    private sealed class ChildTable(CsvReader? reader) : IDisposable
    {
        private bool _hasRow = reader?.Read() == true;

        /// <summary>The rows that follow for this situation id.</summary>
        public IEnumerable<CsvReader> RowsOf(string id)
        {
            while (_hasRow && reader!.GetString("situation_id") == id)
            {
                yield return reader;
                _hasRow = reader.Read();
            }
        }

        public void Dispose() => reader?.Dispose();
    }

    private static IEnumerable<CsvReader> Children(ChildTable table, string id) => table.RowsOf(id);

    private static SituationMapper.IndividualBuilder Member(List<SituationMapper.IndividualBuilder> members, string? id) =>
        members.Find(m => m.Id == id) ?? throw new MappingException(RejectionReasons.InvalidCsv, "individual_id", "a resource row names an individual that is not in individuals.csv");

    private static string? Text(CsvReader row, string column)
    {
        var value = row.GetString(column);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static double Number(CsvReader row, string column) =>
        OptionalNumber(row, column) ?? throw new MappingException(RejectionReasons.InvalidCsv, column, "empty number");

    private static double? OptionalNumber(CsvReader row, string column) =>
        Text(row, column) is { } text ? Parse(text, column, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)) : null;

    private static T Parse<T>(string? text, string column, Func<string, T> parse)
    {
        try
        {
            return parse(text ?? throw new FormatException("empty"));
        }
        catch (FormatException)
        {
            throw new MappingException(RejectionReasons.InvalidCsv, column, $"'{Fields.Clip(text ?? string.Empty)}' cannot be read");
        }
    }
}
