using IncidentHub.Core.Reviews;

namespace IncidentHub.Tests.Core.Reviews;

public sealed class IncidentDurationsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int minutes) => T0 + TimeSpan.FromMinutes(minutes);

    [Fact]
    public void Compute_WithImpactStart_MeasuresEverythingFromImpact()
    {
        var d = IncidentDurations.Compute(At(0), At(7), At(19), At(52));

        Assert.Equal(DurationBasis.ImpactStarted, d.Basis);
        Assert.Equal(TimeSpan.FromMinutes(7), d.TimeToDetect);
        Assert.Equal(TimeSpan.FromMinutes(19), d.TimeToMitigate);
        Assert.Equal(TimeSpan.FromMinutes(52), d.TimeToResolve);
    }

    [Fact]
    public void Compute_WithoutImpactStart_MeasuresFromDetectionAndDetectIsUnknown()
    {
        var d = IncidentDurations.Compute(null, At(7), At(19), At(52));

        Assert.Equal(DurationBasis.Detected, d.Basis);
        Assert.Null(d.TimeToDetect);
        Assert.Equal(TimeSpan.FromMinutes(12), d.TimeToMitigate);
        Assert.Equal(TimeSpan.FromMinutes(45), d.TimeToResolve);
    }

    [Fact]
    public void Compute_NotYetMitigatedOrResolved_LeavesThoseUnknown()
    {
        var d = IncidentDurations.Compute(At(0), At(3), null, null);

        Assert.Equal(TimeSpan.FromMinutes(3), d.TimeToDetect);
        Assert.Null(d.TimeToMitigate);
        Assert.Null(d.TimeToResolve);
    }

    [Fact]
    public void Compute_WithNoStart_IsUnknown()
    {
        var d = IncidentDurations.Compute(null, null, At(19), At(52));

        Assert.Equal(DurationBasis.Unknown, d.Basis);
        Assert.Null(d.TimeToDetect);
        Assert.Null(d.TimeToMitigate);
        Assert.Null(d.TimeToResolve);
    }

    [Fact]
    public void Compute_OutOfOrderTimes_NeverGoNegative()
    {
        var d = IncidentDurations.Compute(At(10), At(5), At(8), At(9));

        Assert.Equal(TimeSpan.Zero, d.TimeToDetect);
        Assert.Equal(TimeSpan.Zero, d.TimeToMitigate);
        Assert.Equal(TimeSpan.Zero, d.TimeToResolve);
    }
}
