using IncidentHub.Core.StatusPage;

namespace IncidentHub.Tests.Core.StatusPage;

/// <summary>The uptime rule on its own: minutes per state per UTC day, the worst state where notices overlap, 30% for partial.</summary>
public sealed class UptimeRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>89 whole days and the 12 hours of today.</summary>
    private const double CountedMinutes = 89 * 1440 + 720;

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void APartialOutageOver_Midnight_IsSplitBetweenTheDays_AndCountsThirtyPercent()
    {
        var history = Uptime.Count([new ImpactSpan(1, "Payments failing", ComponentState.PartialOutage, At(24, 23, 50), At(25, 0, 7))], 90, Now);

        var (yesterday, today) = (history.Days[^2], history.Days[^1]);
        Assert.Equal((new DateOnly(2026, 11, 24), TimeSpan.FromMinutes(10), ComponentState.PartialOutage), (yesterday.Day, yesterday.PartialOutage, yesterday.Worst));
        Assert.Equal((new DateOnly(2026, 11, 25), TimeSpan.FromMinutes(7)), (today.Day, today.PartialOutage));
        Assert.Equal(["Payments failing"], yesterday.Incidents);
        Assert.Equal(1 - 0.3 * 17 / CountedMinutes, history.UptimeShare, 12);
        Assert.Equal(90, history.Days.Count);
        Assert.All(history.Days.Take(88), d => Assert.True(d.IsQuiet));
    }

    [Fact]
    public void AMajorOutage_CountsInFull_SoItIsNotTheSameAsAShortPartialOne()
    {
        var major = Uptime.Count([new ImpactSpan(2, "API down", ComponentState.MajorOutage, At(25, 10, 0), At(25, 10, 50))], 90, Now);
        var partial = Uptime.Count([new ImpactSpan(1, "Payments failing", ComponentState.PartialOutage, At(24, 23, 50), At(25, 0, 7))], 90, Now);

        Assert.Equal(1 - 50 / CountedMinutes, major.UptimeShare, 12);
        Assert.Equal((99.96, 99.99), (Uptime.Percent(major.UptimeShare), Uptime.Percent(partial.UptimeShare)));
        Assert.Equal("99.96%", Uptime.Describe(major.UptimeShare));
    }

    [Fact]
    public void OverlappingNotices_CountTheWorstStateOnce()
    {
        var history = Uptime.Count(
        [
            new ImpactSpan(1, "API down", ComponentState.MajorOutage, At(25, 10, 0), At(25, 10, 30)),
            new ImpactSpan(2, "API slow", ComponentState.PartialOutage, At(25, 10, 15), At(25, 11, 0)),
            new ImpactSpan(3, "Maintenance", ComponentState.UnderMaintenance, At(25, 9, 0), At(25, 9, 20)),
        ], 90, Now);

        var today = history.Days[^1];
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(20)), (today.MajorOutage, today.PartialOutage, today.UnderMaintenance));
        Assert.Equal(["API down", "API slow", "Maintenance"], today.Incidents);
        Assert.Equal(1 - (30 + 0.3 * 30) / CountedMinutes, history.UptimeShare, 12);
    }

    [Fact]
    public void AnOutageStillGoing_CountsUntilNow_AndOneBeforeTheWindow_OnlyInsideIt()
    {
        var history = Uptime.Count(
        [
            new ImpactSpan(1, "Still down", ComponentState.MajorOutage, At(25, 11, 0), null),
            new ImpactSpan(2, "Long ago", ComponentState.MajorOutage, new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 8, 28, 1, 0, 0, TimeSpan.Zero)),
        ], 90, Now);

        Assert.Equal(TimeSpan.FromMinutes(60), history.Days[^1].MajorOutage);
        Assert.Equal(new DateOnly(2026, 8, 28), history.Days[0].Day);
        Assert.Equal(TimeSpan.FromMinutes(60), history.Days[0].MajorOutage);
        Assert.Equal(100, Uptime.Percent(1));
        Assert.Equal("100%", Uptime.Describe(1));
    }
}
