using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Incidents;

/// <summary>An update never silently undoes a status or severity change someone made while it was being written.</summary>
public sealed class IncidentUpdateRaceTests
{
    private readonly AggregateScenario _s = new();

    [Fact]
    public void PostUpdate_WhoseStatusChoiceWasOvertaken_IsAConflict_AndChangesNothing()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        incident.ChangeStatus(_s.Bob, IncidentStatus.Investigating, IncidentStatus.Monitoring, _s.Now);
        var version = incident.Version;

        var ex = Assert.Throws<ConflictException>(() => incident.PostUpdate(_s.Alice, new PostUpdateRequest
        {
            Message = "Deploying the fix.",
            NewStatus = IncidentStatus.Fixing,
            ExpectedStatus = IncidentStatus.Investigating,
        }, null, _s.Now));

        Assert.Contains("moved the incident to Monitoring", ex.Message, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Monitoring, incident.Status);
        Assert.Equal(version, incident.Version);
        Assert.Empty(incident.Updates);
    }

    [Fact]
    public void PostUpdate_WhoseSeverityChoiceWasOvertaken_IsAConflict()
    {
        var incident = _s.Declare();
        incident.ChangeSeverity(_s.Bob, _s.Major.Id, _s.Critical, _s.Now);

        var ex = Assert.Throws<ConflictException>(() => incident.PostUpdate(_s.Alice, new PostUpdateRequest
        {
            Message = "Smaller than we feared.",
            NewSeverityId = _s.Minor.Id,
            ExpectedSeverityId = _s.Major.Id,
        }, _s.Minor, _s.Now));

        Assert.Contains("changed the severity to Critical", ex.Message, StringComparison.Ordinal);
        Assert.Equal(_s.Critical.Id, incident.SeverityId);
    }

    [Fact]
    public void PostUpdate_WithoutAStatusChoice_IsPostedWhateverHappenedMeanwhile()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);
        incident.ChangeStatus(_s.Bob, IncidentStatus.Investigating, IncidentStatus.Monitoring, _s.Now);

        var update = incident.PostUpdate(_s.Alice, new PostUpdateRequest { Message = "Still watching.", ExpectedStatus = IncidentStatus.Investigating }, null, _s.Now);

        Assert.Equal(IncidentStatus.Monitoring, update.Status);
    }

    [Fact]
    public void PostUpdate_WhoseChoiceStillHolds_MovesTheStatus()
    {
        var incident = _s.DeclareIn(IncidentStatus.Investigating);

        incident.PostUpdate(_s.Alice, new PostUpdateRequest { Message = "Fixing.", NewStatus = IncidentStatus.Fixing, ExpectedStatus = IncidentStatus.Investigating }, null, _s.Now);

        Assert.Equal(IncidentStatus.Fixing, incident.Status);
    }
}
