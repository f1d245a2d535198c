using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Incidents;

public sealed class IncidentPostUpdateTests
{
    private readonly AggregateScenario _s = new();

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public void PostUpdate_WithoutAMessage_IsRefusedAndChangesNothing(string message)
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var version = incident.Version;

        var ex = Assert.Throws<ValidationFailedException>(() =>
            incident.PostUpdate(_s.Alice, new PostUpdateRequest { Message = message }, null, _s.Now));

        Assert.Equal(["Message"], ex.Errors.Keys);
        Assert.Empty(incident.Updates);
        Assert.Equal(version, incident.Version);
    }

    [Fact]
    public void PostUpdate_RecordsTheUpdateOnTheTimeline()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        _s.Advance(TimeSpan.FromMinutes(10));

        var update = incident.PostUpdate(_s.Bob, new PostUpdateRequest { Message = "  Still looking.  " }, null, _s.Now);

        Assert.Equal("Still looking.", update.Message);
        Assert.Equal(_s.Bob.UserId, update.AuthorId);
        Assert.Equal(IncidentStatus.Investigating, update.Status);
        Assert.Equal("Major", update.SeverityName);
        Assert.Equal(_s.Now, incident.LastUpdateAt);
        Assert.Equal(_s.Now, incident.LastChangedAt);
        var entry = incident.Timeline.Last();
        Assert.Equal(TimelineEntryKind.Update, entry.Kind);
        Assert.Same(update, entry.Update);
        Assert.Equal("Investigating · Major", entry.Detail);
    }

    [Fact]
    public void PostUpdate_WithStatusAndSeverity_ChangesBothInTheSameStep()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var request = new PostUpdateRequest { Message = "Cause found.", NewStatus = IncidentStatus.Fixing, NewSeverityId = _s.Critical.Id };

        var update = incident.PostUpdate(_s.Alice, request, _s.Critical, _s.Now);

        Assert.Equal(IncidentStatus.Fixing, incident.Status);
        Assert.Equal(_s.Critical.Id, incident.SeverityId);
        Assert.Equal(IncidentStatus.Fixing, update.Status);
        Assert.Equal(_s.Critical.Id, update.SeverityId);
        Assert.Equal("Critical", update.SeverityName);
        Assert.Equal("Changed status Investigating → Fixing, severity Major → Critical", incident.Timeline.Last().Detail);
    }

    [Fact]
    public void PostUpdate_ToMonitoring_SetsMitigatedAt()
    {
        var incident = _s.DeclareIn(IncidentStatus.Fixing);
        _s.Advance(TimeSpan.FromMinutes(5));

        incident.PostUpdate(_s.Alice, new PostUpdateRequest { Message = "Fix in place.", NewStatus = IncidentStatus.Monitoring }, null, _s.Now);

        Assert.Equal(_s.Now, incident.MitigatedAt);
    }

    [Fact]
    public void PostUpdate_WithIllegalStatusJump_IsRefusedAndChangesNothing()
    {
        var incident = _s.DeclareIn(IncidentStatus.Triage);
        var timeline = incident.Timeline.Count;
        var version = incident.Version;
        var request = new PostUpdateRequest { Message = "Done.", NewStatus = IncidentStatus.Closed, NewSeverityId = _s.Critical.Id };

        var ex = Assert.Throws<DomainException>(() => incident.PostUpdate(_s.Alice, request, _s.Critical, _s.Now));

        Assert.Contains("cannot be closed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Triage, incident.Status);
        Assert.Equal(_s.Major.Id, incident.SeverityId);
        Assert.Empty(incident.Updates);
        Assert.Equal(timeline, incident.Timeline.Count);
        Assert.Null(incident.LastUpdateAt);
        Assert.Equal(version, incident.Version);
    }

    [Fact]
    public void PostUpdate_WithStatusChangeAndRetiredSeverity_IsRefusedAndChangesNothing()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        _s.Critical.Archive();
        var request = new PostUpdateRequest { Message = "Worse.", NewStatus = IncidentStatus.Fixing, NewSeverityId = _s.Critical.Id };

        Assert.Throws<DomainException>(() => incident.PostUpdate(_s.Alice, request, _s.Critical, _s.Now));

        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        Assert.Null(incident.MitigatedAt);
        Assert.Equal(_s.Major.Id, incident.SeverityId);
        Assert.Empty(incident.Updates);
    }

    [Fact]
    public void PostUpdate_WithTheCurrentStatus_IgnoresTheStatusAndKeepsTheMessage()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        var entries = incident.Timeline.Count;

        var update = incident.PostUpdate(
            _s.Alice, new PostUpdateRequest { Message = "Still investigating.", NewStatus = IncidentStatus.Investigating }, null, _s.Now);

        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        Assert.Equal("Still investigating.", update.Message);
        Assert.Single(incident.Updates);
        Assert.Equal(entries + 1, incident.Timeline.Count);
        Assert.Equal("Investigating · Major", incident.Timeline.Last().Detail);
    }
}
