using IncidentHub.Core.Common;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Incidents;

public sealed class IncidentRoleTests
{
    private readonly AggregateScenario _s = new();

    [Fact]
    public void UnassignRole_TheLead_IsRefused()
    {
        var incident = _s.Declare();

        var ex = Assert.Throws<DomainException>(() => incident.UnassignRole(_s.Alice, _s.LeadRole, _s.Alice.UserId, _s.Now));

        Assert.Contains("always has an Incident Lead", ex.Message, StringComparison.Ordinal);
        Assert.Equal(_s.Alice.UserId, incident.CurrentHolder(_s.LeadRole.Id)?.UserId);
    }

    [Fact]
    public void AssignRole_LeadToSomeoneElse_IsARecordedHandOver()
    {
        var incident = _s.Declare();
        var oldAssignment = incident.CurrentHolder(_s.LeadRole.Id)!;
        _s.Advance(TimeSpan.FromMinutes(20));

        incident.AssignRole(_s.Alice, _s.LeadRole, AggregateScenario.Ref(_s.Bob), _s.Alice.UserId, _s.Now);

        Assert.Equal(_s.Now, oldAssignment.EndedAt);
        Assert.False(oldAssignment.IsCurrent);
        var current = incident.CurrentHolder(_s.LeadRole.Id)!;
        Assert.Equal(_s.Bob.UserId, current.UserId);
        Assert.Equal(_s.Now, current.AssignedAt);
        Assert.Equal(_s.Bob.UserId, incident.LeadId);
        Assert.Equal(_s.Bob.DisplayName, incident.LeadName);
        var entry = incident.Timeline.Last();
        Assert.Equal(TimelineEntryKind.LeadHandover, entry.Kind);
        Assert.True(entry.IsHighlighted);
        Assert.Equal("Alice Adams handed the lead to Bob Brown.", entry.Text);
        Assert.Null(entry.Detail);
    }

    [Fact]
    public void AssignRole_LeadByAThirdPerson_SaysWhoMadeTheHandOver()
    {
        var incident = _s.Declare();

        incident.AssignRole(_s.Carol, _s.LeadRole, AggregateScenario.Ref(_s.Bob), _s.Alice.UserId, _s.Now);

        Assert.Equal("Carol Chen handed the lead from Alice Adams to Bob Brown.", incident.Timeline.Last().Text);
    }

    [Fact]
    public void AssignRole_ToTheCurrentHolder_IsRefused()
    {
        var incident = _s.Declare();
        var entries = incident.Timeline.Count;

        var ex = Assert.Throws<DomainException>(() =>
            incident.AssignRole(_s.Alice, _s.LeadRole, AggregateScenario.Ref(_s.Alice), _s.Alice.UserId, _s.Now));

        Assert.Equal("Alice Adams is already the Incident Lead.", ex.Message);
        Assert.Equal(entries, incident.Timeline.Count);
        Assert.Equal(2, incident.RoleAssignments.Count);
    }

    [Fact]
    public void AssignRole_WhenTheHolderIsNotWhoTheAssignerSaw_ThrowsConflictAndChangesNothing()
    {
        var incident = _s.Declare();
        var version = incident.Version;

        var ex = Assert.Throws<ConflictException>(() =>
            incident.AssignRole(_s.Carol, _s.LeadRole, AggregateScenario.Ref(_s.Carol), _s.Bob.UserId, _s.Now));

        Assert.Contains("now Alice Adams", ex.Message, StringComparison.Ordinal);
        Assert.Equal(_s.Alice.UserId, incident.LeadId);
        Assert.All(incident.RoleAssignments, r => Assert.True(r.IsCurrent));
        Assert.Equal(version, incident.Version);
    }

    [Fact]
    public void AssignRole_AnEmptyRole_RecordsTheAssignment()
    {
        var incident = _s.Declare();

        incident.AssignRole(_s.Alice, _s.CommsRole, AggregateScenario.Ref(_s.Bob), null, _s.Now);

        Assert.Equal(_s.Bob.UserId, incident.CurrentHolder(_s.CommsRole.Id)?.UserId);
        Assert.Equal(_s.Alice.UserId, incident.LeadId);
        var entry = incident.Timeline.Last();
        Assert.Equal(TimelineEntryKind.RoleAssigned, entry.Kind);
        Assert.Equal("Alice Adams made Bob Brown the Communications Lead.", entry.Text);
        Assert.False(entry.IsHighlighted);
    }

    [Fact]
    public void AssignRole_TheReporter_IsRefused()
    {
        var incident = _s.Declare();

        Assert.Throws<DomainException>(() =>
            incident.AssignRole(_s.Alice, _s.ReporterRole, AggregateScenario.Ref(_s.Bob), _s.Alice.UserId, _s.Now));

        Assert.Equal(_s.Alice.UserId, incident.CurrentHolder(_s.ReporterRole.Id)?.UserId);
    }

    [Fact]
    public void AssignRole_AnArchivedRole_IsRefused()
    {
        var incident = _s.Declare();
        var custom = new RoleDefinition(20, IncidentRoleKind.Custom, "Liaison", "", 5);
        custom.Archive();

        Assert.Throws<DomainException>(() => incident.AssignRole(_s.Alice, custom, AggregateScenario.Ref(_s.Bob), null, _s.Now));

        Assert.Null(incident.CurrentHolder(custom.Id));
    }

    [Fact]
    public void UnassignRole_TheCurrentHolder_EndsTheAssignment()
    {
        var incident = _s.Declare();
        incident.AssignRole(_s.Alice, _s.ScribeRole, AggregateScenario.Ref(_s.Bob), null, _s.Now);
        var assignment = incident.CurrentHolder(_s.ScribeRole.Id)!;
        _s.Advance(TimeSpan.FromMinutes(4));

        incident.UnassignRole(_s.Alice, _s.ScribeRole, _s.Bob.UserId, _s.Now);

        Assert.Null(incident.CurrentHolder(_s.ScribeRole.Id));
        Assert.Equal(_s.Now, assignment.EndedAt);
        Assert.Equal("Alice Adams removed Bob Brown as Scribe.", incident.Timeline.Last().Text);
    }

    [Fact]
    public void UnassignRole_WhenSomeoneElseAlreadyChangedIt_ThrowsConflict()
    {
        var incident = _s.Declare();
        incident.AssignRole(_s.Alice, _s.ScribeRole, AggregateScenario.Ref(_s.Bob), null, _s.Now);

        Assert.Throws<ConflictException>(() => incident.UnassignRole(_s.Alice, _s.ScribeRole, _s.Carol.UserId, _s.Now));

        Assert.Equal(_s.Bob.UserId, incident.CurrentHolder(_s.ScribeRole.Id)?.UserId);
    }
}
