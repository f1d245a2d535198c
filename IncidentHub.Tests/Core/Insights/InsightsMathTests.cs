using IncidentHub.Core.Insights;

namespace IncidentHub.Tests.Core.Insights;

/// <summary>The arithmetic under the insights: percentiles, out of hours, and how a period is cut into bars.</summary>
public sealed class InsightsMathTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 10 }, 0.5, 2.5)]
    [InlineData(new double[] { 1, 2, 3, 10 }, 0.9, 7.9)]
    [InlineData(new double[] { 10, 1, 3, 2 }, 0.5, 2.5)]
    [InlineData(new double[] { 7 }, 0.9, 7)]
    [InlineData(new double[] { 20, 60 }, 0.9, 56)]
    public void Percentile_InterpolatesBetweenTheClosestRanks(double[] values, double p, double expected)
    {
        Assert.Equal(expected, Percentiles.Of(values, p)!.Value, precision: 9);
    }

    [Fact]
    public void Percentile_OfNothing_IsNull()
    {
        Assert.Null(Percentiles.Of([], 0.5));
    }

    [Fact]
    public void OutOfHours_IsEverythingOutsideNineToSixOnWeekdays()
    {
        // Friday 17:00 to Monday 10:00 UTC: one working hour on Friday, one on Monday, 63 hours in all.
        var from = new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(63), OutOfHours.Within(from, to, TimeZoneInfo.Utc));
    }

    [Fact]
    public void OutOfHours_FollowsTheZonesClockChange()
    {
        // London moves to summer time on Sunday 29 March 2026; on Monday 30 March 09:00–18:00 local is 08:00–17:00 UTC.
        var from = new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 3, 30, 18, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(2), OutOfHours.Within(from, to, London));
    }

    [Fact]
    public void Weeks_StartOnMonday_AndTheFirstAndLastAreCutToThePeriod()
    {
        var filter = InsightsFilter.Between(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 15), TimeZoneInfo.Utc);

        var buckets = InsightsBuckets.For(filter);

        Assert.Equal(InsightsGrouping.Week, filter.Grouping);
        Assert.Equal(["30 Nov", "7 Dec", "14 Dec"], buckets.Select(b => b.Label));
        Assert.Equal(new DateOnly(2026, 12, 2), buckets[0].FirstDay);
        Assert.Equal(filter.From, buckets[0].Start);
        Assert.Equal(new DateOnly(2026, 12, 15), buckets[2].LastDay);
        Assert.Equal(filter.Before, buckets[2].End);
    }

    [Fact]
    public void Months_AreCalendarMonthsInTheViewersZone()
    {
        var now = new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

        var filter = InsightsFilter.LastDays(365, now, London);
        var buckets = InsightsBuckets.For(filter);

        Assert.Equal(InsightsGrouping.Month, filter.Grouping);
        Assert.Equal("Jun 2025", buckets[0].Label);
        Assert.Equal("Jun 2026", buckets[^1].Label);
        Assert.Equal(13, buckets.Count);
        // 1 June 2026 begins at 23:00 UTC the day before, in British summer time.
        Assert.Equal(new DateTimeOffset(2026, 5, 31, 23, 0, 0, TimeSpan.Zero), buckets[^1].Start);
    }

    [Fact]
    public void LastDays_CoversWholeLocalDays_TodayIncluded()
    {
        var now = new DateTimeOffset(2026, 12, 9, 23, 30, 0, TimeSpan.Zero);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        var filter = InsightsFilter.LastDays(30, now, tokyo);

        // 23:30 UTC on 9 Dec is 08:30 on 10 Dec in Tokyo: the 30 days are 11 Nov to 10 Dec, Tokyo time.
        Assert.Equal(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.FromHours(9)), filter.From);
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.FromHours(9)), filter.Before);
    }
}
