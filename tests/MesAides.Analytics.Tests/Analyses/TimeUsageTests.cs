using MesAides.Analytics.Analyses;
using MesAides.Analytics.Cleaning;
using MesAides.Analytics.Loading;
using MesAides.Analytics.Model;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Analyses;

public sealed class TimeUsageTests
{
    private static Situation On(int month, int day, int hour = 10) => Some.At(Some.Paris(2016, month, day, hour));

    [Fact]
    public void Days_run_from_first_to_last_date_with_zeros_in_between()
    {
        var result = TimeUsage.Analyse([On(3, 4), On(3, 1), On(3, 1, 23)]);

        Assert.Equal(
            [(new DateOnly(2016, 3, 1), 2L), (new DateOnly(2016, 3, 2), 0L), (new DateOnly(2016, 3, 3), 0L), (new DateOnly(2016, 3, 4), 1L)],
            result.Daily);
        Assert.Equal(3, result.Total);
        var table = result.DailyTable;
        Assert.Equal(["date", "situations"], table.Columns.Select(c => c.Name));
        Assert.Equal(["2016-03-01", "2016-03-02", "2016-03-03", "2016-03-04"], table.Rows.Select(r => Table.Format(r[0])));
    }

    [Fact]
    public void Weeks_start_on_monday_and_months_are_zero_filled()
    {
        // 2016-02-28 is a Sunday (week of Monday 22 February), 2016-02-29 a Monday, 2016-04-03 a Sunday.
        var result = TimeUsage.Analyse([Some.At(Some.Paris(2016, 2, 28, 12)), Some.At(Some.Paris(2016, 2, 29, 12)), Some.At(Some.Paris(2016, 3, 6, 12)), Some.At(Some.Paris(2016, 4, 3, 12))]);

        Assert.Equal(new DateOnly(2016, 2, 22), result.Weekly[0].WeekStart);
        Assert.Equal(1, result.Weekly[0].Situations);
        Assert.Equal((new DateOnly(2016, 2, 29), 2L), result.Weekly[1]);
        Assert.Equal(6, result.Weekly.Count);   // 22/2, 29/2, 7/3, 14/3, 21/3, 28/3
        Assert.Equal(0, result.Weekly[2].Situations);
        Assert.Equal([("2016-02", 2L), ("2016-03", 1L), ("2016-04", 1L)], result.Monthly.Select(m => (m.Month.ToString(), m.Situations)));
        Assert.Equal(["week_start", "situations"], result.WeeklyTable.Columns.Select(c => c.Name));
        Assert.Equal(["month", "situations"], result.MonthlyTable.Columns.Select(c => c.Name));
        Assert.Equal("2016-02-22", Table.Format(result.WeeklyTable.Rows[0][0]));
    }

    [Fact]
    public void An_empty_month_between_two_is_kept()
    {
        var result = TimeUsage.Analyse([On(1, 31), On(3, 1)]);
        Assert.Equal([1L, 0L, 1L], result.Monthly.Select(m => m.Situations));
        Assert.Equal(31, result.Daily.Count);   // 31 January, the 29 days of February 2016, 1 March
    }

    [Fact]
    public void A_time_of_exactly_paris_midnight_is_a_date_without_time()
    {
        var midnight = Some.At(ParisTime.Midnight(new DateOnly(2016, 3, 15)));   // stored as 2016-03-14T23:00:00Z
        var oneMillisecondLater = Some.At(ParisTime.Midnight(new DateOnly(2016, 3, 15)).AddMilliseconds(1));
        var result = TimeUsage.Analyse([midnight, oneMillisecondLater, On(3, 15, 14)]);

        Assert.Equal(1, result.WithoutTime);
        Assert.Equal(2, result.WithTime);
        Assert.Equal(3, Assert.Single(result.Daily).Situations);    // counted on its Paris day
        Assert.Equal(1, result.At(2, 0));   // 15 March 2016 is a Tuesday: only the 00:00:00.001 one
        Assert.Equal(1, result.At(2, 14));
        Assert.Equal(2, result.WeekdayHour.Sum());
    }

    [Fact]
    public void Weekday_and_hour_are_paris_time_across_daylight_saving_changes()
    {
        Situation Utc(string instant) => Some.At(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
        var result = TimeUsage.Analyse([
            Utc("2016-03-26T23:30:00Z"),    // Sunday 27 March 00:30 CET (Saturday in UTC)
            Utc("2016-03-27T00:30:00Z"),    // Sunday 01:30 CET
            Utc("2016-03-27T01:30:00Z"),    // Sunday 03:30 CEST: 02:xx does not exist that day
            Utc("2016-10-30T00:30:00Z"),    // Sunday 30 October 02:30 CEST
            Utc("2016-10-30T01:30:00Z"),    // Sunday 02:30 CET, the repeated hour
            Utc("2016-07-04T16:15:00Z"),    // Monday 18:15 CEST
        ]);

        Assert.Equal(1, result.At(7, 0));
        Assert.Equal(1, result.At(7, 1));
        Assert.Equal(1, result.At(7, 3));
        Assert.Equal(2, result.At(7, 2));
        Assert.Equal(1, result.At(1, 18));
        Assert.Equal(0, result.At(6, 23));
        Assert.Equal(6, result.WeekdayHour.Sum());
        Assert.Equal(0, result.WithoutTime);

        var table = result.WeekdayHourTable;
        Assert.Equal(["weekday", "hour", "situations"], table.Columns.Select(c => c.Name));
        Assert.Equal(7 * 24, table.Rows.Count);
        Assert.Equal([7L, 2L, 2L], table.Rows.Single(r => (long)r[0]! == 7 && (long)r[1]! == 2));
    }

    [Fact]
    public void No_situations_no_rows()
    {
        var result = TimeUsage.Analyse(Array.Empty<Situation>());
        Assert.Empty(result.Daily);
        Assert.Empty(result.DailyTable.Rows);
        Assert.Equal(0, result.Total);
    }

    [Fact]
    public void On_the_sample_daily_counts_sum_to_the_kept_count()
    {
        var clean = Cleaner.Default.Apply(SituationSource.Sample().Load());
        var result = TimeUsage.Analyse(clean.Situations);

        Assert.True(clean.Situations.Count > 100);
        Assert.Equal(clean.Situations.Count, result.Daily.Sum(d => d.Situations));
        Assert.Equal(clean.Situations.Count, result.Weekly.Sum(d => d.Situations));
        Assert.Equal(clean.Situations.Count, result.Monthly.Sum(d => d.Situations));
        Assert.Equal(clean.Situations.Count, result.WeekdayHour.Sum() + result.WithoutTime);
        Assert.Equal(clean.Situations.Min(s => s.Date), result.Daily[0].Date);
        Assert.Equal(clean.Situations.Max(s => s.Date), result.Daily[^1].Date);
        Assert.Equal(result.Daily[^1].Date.DayNumber - result.Daily[0].Date.DayNumber + 1, result.Daily.Count);
    }
}
