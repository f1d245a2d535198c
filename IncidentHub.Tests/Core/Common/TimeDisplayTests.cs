using IncidentHub.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace IncidentHub.Tests.Core.Common;

public sealed class TimeDisplayTests
{
    private static readonly TimeZoneInfo London = TimeDisplay.FindZone("Europe/London");
    private static readonly TimeZoneInfo NewYork = TimeDisplay.FindZone("America/New_York");

    // Tuesday 24 November 2026, 14:05 UTC: 14:05 in London (GMT), 09:05 in New York (EST).
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 14, 5, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public void Absolute_Today_ShowsTimeOnlyInTheViewersZone()
    {
        var instant = Now - TimeSpan.FromHours(2);

        Assert.Equal("12:05", TimeDisplay.Absolute(instant, London, Now));
        Assert.Equal("07:05", TimeDisplay.Absolute(instant, NewYork, Now));
    }

    [Fact]
    public void Absolute_SameUtcDayButYesterdayInNewYork_ShowsTheDate()
    {
        // 02:00 UTC on the 24th is 21:00 on Monday the 23rd in New York.
        var instant = new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal("02:00", TimeDisplay.Absolute(instant, London, Now));
        Assert.Equal("Mon 23 Nov 21:00", TimeDisplay.Absolute(instant, NewYork, Now));
    }

    [Fact]
    public void Absolute_AnotherDayThisYear_ShowsWeekdayAndDate()
    {
        var instant = new DateTimeOffset(2026, 7, 3, 13, 30, 0, TimeSpan.Zero);

        // Summer time: London is UTC+1, New York UTC-4.
        Assert.Equal("Fri 3 Jul 14:30", TimeDisplay.Absolute(instant, London, Now));
        Assert.Equal("Fri 3 Jul 09:30", TimeDisplay.Absolute(instant, NewYork, Now));
    }

    [Fact]
    public void Absolute_AnotherYear_ShowsTheYear()
    {
        var instant = new DateTimeOffset(2025, 11, 3, 14, 5, 0, TimeSpan.Zero);

        Assert.Equal("3 Nov 2025 14:05", TimeDisplay.Absolute(instant, London, Now));
    }

    [Fact]
    public void Absolute_AcrossNewYear_ComparesDaysInTheViewersZone()
    {
        // 03:00 UTC on 1 January 2027 is still New Year's Eve in New York (22:00), but already 2027 in London.
        var now = new DateTimeOffset(2027, 1, 1, 3, 0, 0, TimeSpan.Zero);
        var instant = new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal("31 Dec 2026 23:00", TimeDisplay.Absolute(instant, London, now));
        Assert.Equal("18:00", TimeDisplay.Absolute(instant, NewYork, now));
    }

    [Fact]
    public void Full_ShowsZoneAndOffset()
    {
        var instant = new DateTimeOffset(2026, 11, 24, 14, 5, 9, TimeSpan.Zero);

        Assert.Equal("2026-11-24 14:05:09 (Europe/London, UTC+00:00)", TimeDisplay.Full(instant, London));
        Assert.Equal("2026-11-24 09:05:09 (America/New_York, UTC-05:00)", TimeDisplay.Full(instant, NewYork));
    }

    [Fact]
    public void FindZone_Unknown_IsUtc()
    {
        Assert.Equal(TimeZoneInfo.Utc, TimeDisplay.FindZone("Mars/Olympus_Mons"));
        Assert.Equal(TimeZoneInfo.Utc, TimeDisplay.FindZone(null));
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(59, "just now")]
    [InlineData(60, "1 min ago")]
    [InlineData(12 * 60 + 30, "12 min ago")]
    [InlineData(3 * 3600 + 1800, "3 h ago")]
    [InlineData(2 * 86400 + 5 * 3600, "2 days ago")]
    [InlineData(86400, "1 day ago")]
    [InlineData(-5 * 60, "in 5 min")]
    [InlineData(-30, "just now")]
    public void Relative_SaysHowLongAgo(int secondsAgo, string expected)
    {
        Assert.Equal(expected, TimeDisplay.Relative(Now - TimeSpan.FromSeconds(secondsAgo), Now));
    }

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(47 * 60 + 10, "47 min")]
    [InlineData(2 * 3600 + 5 * 60, "2 h 05 min")]
    [InlineData(3 * 86400 + 4 * 3600, "3 days 4 h")]
    [InlineData(86400, "1 day")]
    [InlineData(86400 + 30 * 60, "1 day")]
    [InlineData(-90, "1 min")]
    public void Duration_UsesTheLargestUsefulUnits(int seconds, string expected)
    {
        Assert.Equal(expected, TimeDisplay.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData(2 * 3600 + 5 * 60, "2 h")]
    [InlineData(3 * 86400 + 4 * 3600, "3 days")]
    [InlineData(47 * 60, "47 min")]
    public void Duration_Coarse_KeepsOnlyTheLargestUnit(int seconds, string expected)
    {
        Assert.Equal(expected, TimeDisplay.Duration(TimeSpan.FromSeconds(seconds), coarse: true));
    }
}
