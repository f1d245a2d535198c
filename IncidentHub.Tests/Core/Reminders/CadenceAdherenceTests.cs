using IncidentHub.Core.Reminders;
using IncidentHub.Core.Reviews;

namespace IncidentHub.Tests.Core.Reminders;

public sealed class CadenceAdherenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int minutes) => T0 + TimeSpan.FromMinutes(minutes);

    [Fact]
    public void Compute_CountsOnTimeAndLateUpdates_AndFindsTheLongestSilence()
    {
        var adherence = CadenceAdherence.Compute(
            T0,
            [new PostedUpdate(At(20), At(30)), new PostedUpdate(At(75), At(50)), new PostedUpdate(At(90), At(105))],
            [new SkippedUpdate("Riley", "Waiting on the vendor.", At(60))],
            At(100));

        Assert.Equal(2, adherence.OnTime);
        Assert.Equal(1, adherence.Late);
        Assert.Equal("Waiting on the vendor.", Assert.Single(adherence.Skipped).Reason);
        Assert.Equal(TimeSpan.FromMinutes(55), adherence.LongestSilence);
        Assert.Equal(At(20), adherence.LongestSilenceFrom);
        Assert.Equal(At(75), adherence.LongestSilenceTo);
    }

    [Fact]
    public void Compute_WithNoUpdates_TheWholeIncidentWasSilent()
    {
        var adherence = CadenceAdherence.Compute(T0, [], [], At(47));

        Assert.Equal(0, adherence.OnTime + adherence.Late);
        Assert.Equal(TimeSpan.FromMinutes(47), adherence.LongestSilence);
    }

    [Fact]
    public void Compute_TheSilenceAfterTheLastUpdate_Counts()
    {
        var adherence = CadenceAdherence.Compute(T0, [new PostedUpdate(At(10), At(30))], [], At(200));

        Assert.Equal(TimeSpan.FromMinutes(190), adherence.LongestSilence);
        Assert.Equal(At(10), adherence.LongestSilenceFrom);
    }

    [Theory]
    [InlineData(30, "Next update in 30 min")]
    [InlineData(12, "Next update in 12 min")]
    [InlineData(0, "Update due now")]
    [InlineData(-5, "Update overdue by 5 min")]
    [InlineData(-90, "Update overdue by 1 h")]
    public void Describe_SaysHowLongUntilOrHowLate(int minutesUntilDue, string expected)
    {
        var text = CadenceView.Describe(T0 + TimeSpan.FromMinutes(minutesUntilDue), T0);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Describe_InTheLastMinute_SaysUnderAMinute() =>
        Assert.Equal("Next update in under a minute", CadenceView.Describe(T0 + TimeSpan.FromSeconds(20), T0));

    [Fact]
    public void Describe_WhenNoUpdateIsExpected_IsNull() => Assert.Null(CadenceView.Describe(null, T0));
}
