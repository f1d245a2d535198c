using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Incidents;

public sealed class IncidentCorrectTimestampTests
{
    private readonly AggregateScenario _s = new();

    [Fact]
    public void CorrectTimestamp_ImpactStarted_IsSetAndRecorded()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var impact = AggregateScenario.Start - TimeSpan.FromMinutes(12);

        incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.ImpactStarted, null, impact, _s.Now);

        Assert.Equal(impact, incident.ImpactStartedAt);
        var entry = incident.Timeline.Last();
        Assert.Equal(TimelineEntryKind.TimestampCorrected, entry.Kind);
        Assert.Equal("Alice Adams corrected the time of the impact start.", entry.Text);
        Assert.Equal("Set to 24 Nov 2026 08:48 UTC", entry.Detail);
    }

    [Fact]
    public void CorrectTimestamp_AnExistingValue_RecordsOldAndNew()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var detected = AggregateScenario.Start - TimeSpan.FromMinutes(5);

        incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.Detected, incident.DetectedAt, detected, _s.Now);

        Assert.Equal(detected, incident.DetectedAt);
        Assert.Equal("Was 24 Nov 2026 09:00 UTC, now 24 Nov 2026 08:55 UTC", incident.Timeline.Last().Detail);
    }

    [Fact]
    public void CorrectTimestamp_InTheFuture_IsRefusedOnValue()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);

        var ex = Assert.Throws<ValidationFailedException>(() =>
            incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.ImpactStarted, null, _s.Now + TimeSpan.FromMinutes(1), _s.Now));

        Assert.Equal(["Value"], ex.Errors.Keys);
        Assert.Contains("future", ex.Message, StringComparison.Ordinal);
        Assert.Null(incident.ImpactStartedAt);
    }

    [Fact]
    public void CorrectTimestamp_ImpactAfterDetection_IsRefused()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var entries = incident.Timeline.Count;

        var ex = Assert.Throws<ValidationFailedException>(() =>
            incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.ImpactStarted, null, incident.DetectedAt!.Value + TimeSpan.FromMinutes(1), _s.Now));

        Assert.Equal("Impact started must not be after detected.", ex.Errors["Value"].Single());
        Assert.Null(incident.ImpactStartedAt);
        Assert.Equal(entries, incident.Timeline.Count);
    }

    [Fact]
    public void CorrectTimestamp_DetectionBeforeImpact_IsRefused()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var impact = AggregateScenario.Start - TimeSpan.FromMinutes(10);
        incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.ImpactStarted, null, impact, _s.Now);
        var detected = incident.DetectedAt;

        Assert.Throws<ValidationFailedException>(() =>
            incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.Detected, detected, impact - TimeSpan.FromMinutes(1), _s.Now));

        Assert.Equal(detected, incident.DetectedAt);
    }

    [Fact]
    public void CorrectTimestamp_MitigatedAfterResolved_IsRefused()
    {
        var incident = _s.DeclareIn(IncidentStatus.Monitoring);
        _s.Advance(TimeSpan.FromMinutes(10));
        incident.ChangeStatus(_s.Alice, IncidentStatus.Monitoring, IncidentStatus.Resolved, _s.Now);
        _s.Advance(TimeSpan.FromMinutes(10));

        var ex = Assert.Throws<ValidationFailedException>(() =>
            incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.Mitigated, incident.MitigatedAt, incident.ResolvedAt!.Value + TimeSpan.FromMinutes(1), _s.Now));

        Assert.Equal("Mitigated must not be after resolved.", ex.Errors["Value"].Single());
    }

    [Fact]
    public void CorrectTimestamp_MitigatedBeforeDetected_IsRefused()
    {
        var incident = _s.DeclareIn(IncidentStatus.Monitoring);

        Assert.Throws<ValidationFailedException>(() =>
            incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.Mitigated, incident.MitigatedAt, incident.DetectedAt!.Value - TimeSpan.FromMinutes(1), _s.Now));
    }

    [Fact]
    public void CorrectTimestamp_ResolvedWhileActive_IsRefused()
    {
        var incident = _s.DeclareIn(IncidentStatus.Monitoring);

        var ex = Assert.Throws<DomainException>(() =>
            incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.Resolved, null, _s.Now, _s.Now));

        Assert.Contains("not resolved yet", ex.Message, StringComparison.Ordinal);
        Assert.Null(incident.ResolvedAt);
    }

    [Fact]
    public void CorrectTimestamp_ResolvedOnceResolved_IsAllowed()
    {
        var incident = _s.DeclareIn(IncidentStatus.Resolved);
        var earlier = incident.ResolvedAt!.Value - TimeSpan.FromSeconds(30);

        incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.Resolved, incident.ResolvedAt, earlier, _s.Now);

        Assert.Equal(earlier, incident.ResolvedAt);
    }

    [Fact]
    public void CorrectTimestamp_WhenSomeoneElseChangedIt_ThrowsConflictAndChangesNothing()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var seen = incident.ImpactStartedAt;
        incident.CorrectTimestamp(_s.Bob, IncidentTimestamp.ImpactStarted, seen, AggregateScenario.Start - TimeSpan.FromMinutes(30), _s.Now);

        Assert.Throws<ConflictException>(() =>
            incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.ImpactStarted, seen, AggregateScenario.Start - TimeSpan.FromMinutes(10), _s.Now));

        Assert.Equal(AggregateScenario.Start - TimeSpan.FromMinutes(30), incident.ImpactStartedAt);
    }

    [Fact]
    public void CorrectTimestamp_ExpectedValueWithinASecond_IsTheSameInstant()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var seenAsShown = incident.DetectedAt!.Value + TimeSpan.FromMilliseconds(400);

        incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.Detected, seenAsShown, AggregateScenario.Start - TimeSpan.FromMinutes(1), _s.Now);

        Assert.Equal(AggregateScenario.Start - TimeSpan.FromMinutes(1), incident.DetectedAt);
    }

    [Theory]
    [InlineData(IncidentTimestamp.ImpactStarted, "When did the impact start?")]
    [InlineData(IncidentTimestamp.Detected, "When was it detected?")]
    [InlineData(IncidentTimestamp.Mitigated, "When was it mitigated?")]
    [InlineData(IncidentTimestamp.Resolved, "When was it resolved?")]
    public void Question_IsTheSentenceTheKeyTimeDialogAsks(IncidentTimestamp which, string question) =>
        Assert.Equal(question, which.Question());
}
