using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Incidents;

public sealed class IncidentChangeStatusTests
{
    private readonly AggregateScenario _s = new();

    [Fact]
    public void ChangeStatus_WhenSomeoneElseMovedIt_ThrowsConflictAndChangesNothing()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var version = incident.Version;
        var entries = incident.Timeline.Count;

        var ex = Assert.Throws<ConflictException>(() =>
            incident.ChangeStatus(_s.Bob, IncidentStatus.Triage, IncidentStatus.Declined, _s.Now));

        Assert.Contains("Investigating", ex.Message, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        Assert.Equal(version, incident.Version);
        Assert.Equal(entries, incident.Timeline.Count);
    }

    [Fact]
    public void ChangeStatus_IllegalJump_IsRefusedAndChangesNothing()
    {
        var incident = _s.DeclareIn(IncidentStatus.Fixing);
        var version = incident.Version;

        Assert.Throws<DomainException>(() => incident.ChangeStatus(_s.Alice, IncidentStatus.Fixing, IncidentStatus.Closed, _s.Now));

        Assert.Equal(IncidentStatus.Fixing, incident.Status);
        Assert.Null(incident.ClosedAt);
        Assert.Equal(version, incident.Version);
    }

    [Fact]
    public void ChangeStatus_ToMonitoring_SetsMitigatedAt()
    {
        var incident = _s.DeclareIn(IncidentStatus.Fixing);
        _s.Advance(TimeSpan.FromMinutes(7));

        incident.ChangeStatus(_s.Alice, IncidentStatus.Fixing, IncidentStatus.Monitoring, _s.Now);

        Assert.Equal(_s.Now, incident.MitigatedAt);
        Assert.Null(incident.ResolvedAt);
    }

    [Fact]
    public void ChangeStatus_BackToFixingWhenTheFixDidNotHold_ClearsMitigation_AndTheNextMonitoringSetsIt()
    {
        var incident = _s.DeclareIn(IncidentStatus.Monitoring);
        _s.Advance(TimeSpan.FromMinutes(5));
        incident.ChangeStatus(_s.Alice, IncidentStatus.Monitoring, IncidentStatus.Fixing, _s.Now);
        Assert.Null(incident.MitigatedAt);
        _s.Advance(TimeSpan.FromMinutes(5));

        incident.ChangeStatus(_s.Alice, IncidentStatus.Fixing, IncidentStatus.Monitoring, _s.Now);

        Assert.Equal(_s.Now, incident.MitigatedAt);
    }

    [Fact]
    public void ChangeStatus_ToResolved_SetsResolvedAtAndMitigatedAtWhenMissing()
    {
        var incident = _s.DeclareIn(IncidentStatus.Fixing);
        _s.Advance(TimeSpan.FromMinutes(3));

        incident.ChangeStatus(_s.Alice, IncidentStatus.Fixing, IncidentStatus.Resolved, _s.Now);

        Assert.Equal(_s.Now, incident.ResolvedAt);
        Assert.Equal(_s.Now, incident.MitigatedAt);
        Assert.False(incident.IsActive);
        Assert.Equal("Alice Adams resolved the incident.", incident.Timeline.Last().Text);
    }

    [Fact]
    public void ChangeStatus_Reopen_ClearsMitigatedAndResolved()
    {
        var incident = _s.DeclareIn(IncidentStatus.Resolved);
        _s.Advance(TimeSpan.FromMinutes(30));

        incident.ChangeStatus(_s.Bob, IncidentStatus.Resolved, IncidentStatus.Investigating, _s.Now);

        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        Assert.Null(incident.ResolvedAt);
        Assert.Null(incident.MitigatedAt);
        Assert.True(incident.IsActive);
        var entry = incident.Timeline.Last();
        Assert.Equal(TimelineEntryKind.StatusChanged, entry.Kind);
        Assert.Equal("Bob Brown reopened the incident.", entry.Text);
        Assert.Equal("Resolved → Investigating", entry.Detail);
    }

    [Fact]
    public void ChangeStatus_ToClosed_SetsClosedAt()
    {
        var incident = _s.DeclareIn(IncidentStatus.Resolved);
        var resolved = incident.ResolvedAt;
        _s.Advance(TimeSpan.FromDays(2));

        incident.ChangeStatus(_s.Carol, IncidentStatus.Resolved, IncidentStatus.Closed, _s.Now);

        Assert.Equal(_s.Now, incident.ClosedAt);
        Assert.Equal(resolved, incident.ResolvedAt);
        Assert.Equal(_s.Now, incident.LastChangedAt);
    }

    [Fact]
    public void ChangeStatus_FromTriage_RecordsAcceptance()
    {
        var incident = _s.Declare();
        var version = incident.Version;

        incident.ChangeStatus(_s.Alice, IncidentStatus.Triage, IncidentStatus.Investigating, _s.Now);

        Assert.Equal("Alice Adams accepted the incident as Investigating.", incident.Timeline.Last().Text);
        Assert.NotEqual(version, incident.Version);
    }
}
