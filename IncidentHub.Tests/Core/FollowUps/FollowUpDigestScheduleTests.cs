using IncidentHub.Core.FollowUps.Digest;

namespace IncidentHub.Tests.Core.FollowUps;

/// <summary>When the weekly digest is due: a day and an hour in the organisation's zone, daylight saving included.</summary>
public sealed class FollowUpDigestScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void MondayAtNine_InLondon_IsEightUtcInSummer_AndNineUtcAfterTheClocksGoBack()
    {
        // The clocks go back at 02:00 BST on Sunday 25 October 2026.
        var summer = FollowUpDigestSchedule.LatestAtOrBefore(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero), DayOfWeek.Monday, 9, London);
        var winter = FollowUpDigestSchedule.LatestAtOrBefore(new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), DayOfWeek.Monday, 9, London);

        Assert.Equal(new DateTimeOffset(2026, 10, 19, 8, 0, 0, TimeSpan.Zero), summer.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), winter.DueAt);
        Assert.Equal(7, winter.Week - summer.Week);
    }

    [Fact]
    public void OneSecondBeforeTheHour_TheLatestIsLastWeeks()
    {
        var due = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

        var before = FollowUpDigestSchedule.LatestAtOrBefore(due - TimeSpan.FromSeconds(1), DayOfWeek.Monday, 9, TimeZoneInfo.Utc);
        var at = FollowUpDigestSchedule.LatestAtOrBefore(due, DayOfWeek.Monday, 9, TimeZoneInfo.Utc);

        Assert.Equal(due - TimeSpan.FromDays(7), before.DueAt);
        Assert.Equal(due, at.DueAt);
        Assert.Equal(DateOnly.FromDateTime(due.UtcDateTime).DayNumber, at.Week);
    }

    [Fact]
    public void AnHourTheClocksSkip_IsDueWhenTheyJump_AndAnHourThatHappensTwice_TheFirstTime()
    {
        // 01:00 on Sunday 29 March 2026 does not exist in London (01:00 GMT becomes 02:00 BST).
        var skipped = FollowUpDigestSchedule.AtLocal(new DateOnly(2026, 3, 29), 1, London);
        // 01:00 on Sunday 25 October 2026 happens twice (BST, then GMT).
        var twice = FollowUpDigestSchedule.AtLocal(new DateOnly(2026, 10, 25), 1, London);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), skipped);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero), twice);
    }

    [Fact]
    public void ASundayDigest_BelongsToTheWeekThatBeganOnTheMondayBefore()
    {
        Assert.Equal(new DateOnly(2026, 11, 23).DayNumber, FollowUpDigestSchedule.WeekOf(new DateOnly(2026, 11, 29)));
        Assert.Equal(new DateOnly(2026, 11, 30).DayNumber, FollowUpDigestSchedule.WeekOf(new DateOnly(2026, 11, 30)));
    }
}
