using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Permissions;

/// <summary>
/// "Everyone can declare": whoever declares an incident, or is given a role on one, acts on it as a responder does;
/// nothing else changes for a Viewer. One rule (<see cref="IncidentPermissions"/>), read here on the aggregate.
/// </summary>
public sealed class ViewerOnTheirIncidentTests
{
    private readonly AggregateScenario _s = new();
    private readonly Actor _vic = new("vic", "Vic Viewer", AppRole.Viewer);

    private static PostUpdateRequest Update(string message = "Printers are back.") => new() { Message = message };

    [Fact]
    public void AViewerWhoDeclared_PostsUpdatesOnThatIncident_ButNotOnAnother()
    {
        var theirs = Incident.Declare(1, _s.Request("Printers on fire"), _s.Major, AggregateScenario.Ref(_vic), _s.LeadRole, _s.ReporterRole, _vic, _s.Now);
        var another = _s.Declare();

        Assert.True(_vic.CanDeclare);
        Assert.True(theirs.PermissionsFor(_vic).PostUpdate);
        Assert.True(theirs.PermissionsFor(_vic).ManageReminder);
        theirs.PostUpdate(_vic, Update(), null, _s.Now);
        Assert.Equal(_vic.UserId, Assert.Single(theirs.Updates).AuthorId);

        Assert.False(another.PermissionsFor(_vic).Respond);
        Assert.False(another.PermissionsFor(_vic).PostUpdate);
        Assert.Throws<ForbiddenException>(() => another.PostUpdate(_vic, Update(), null, _s.Now));
    }

    [Fact]
    public void AViewerWhoDeclared_ButNamedSomeoneElseLead_StillActsOnIt_AsItsReporter()
    {
        var incident = Incident.Declare(1, _s.Request(), _s.Major, AggregateScenario.Ref(_s.Alice), _s.LeadRole, _s.ReporterRole, _vic, _s.Now);

        var can = incident.PermissionsFor(_vic);

        Assert.True(can.HoldsRole);
        Assert.True(can.AddNote);
        Assert.False(can.IsLead);
        Assert.False(can.ManageReminder);
        Assert.False(can.Publish);
    }

    [Fact]
    public void AViewerGivenARole_RespondsThere_AndIsAViewerAgainOnceItIsTakenAway()
    {
        var incident = _s.Declare();
        Assert.False(incident.PermissionsFor(_vic).AddNote);

        incident.AssignRole(_s.Alice, _s.ScribeRole, AggregateScenario.Ref(_vic), null, _s.Now);
        Assert.True(incident.PermissionsFor(_vic).AddNote);
        Assert.True(incident.PermissionsFor(_vic).ChangeStatus);
        Assert.False(incident.PermissionsFor(_vic).ManageAccess);
        incident.AddNote(_vic, new AddNoteRequest { Text = "Writing it down." }, _s.Now);

        incident.UnassignRole(_s.Alice, _s.ScribeRole, _vic.UserId, _s.Now);
        Assert.False(incident.PermissionsFor(_vic).Respond);
        Assert.Empty(incident.PermissionsFor(_vic).NextStatuses);
        Assert.Throws<ForbiddenException>(() => incident.AddNote(_vic, new AddNoteRequest { Text = "One more." }, _s.Now));
    }

    [Fact]
    public void ALeadWhoIsOnlyAViewerNow_StillLeads_BecauseTheRoleLetsThemAct()
    {
        var incident = _s.Declare();
        _s.Advance(TimeSpan.FromMinutes(31));
        var viewerLead = _s.Alice with { Role = AppRole.Viewer };

        var can = incident.PermissionsFor(viewerLead);

        Assert.True(can.IsLead);
        Assert.True(can.ManageReminder);
        Assert.True(can.SeeUpdateDueBanner);
        Assert.True(can.ManageAccess);
        incident.SnoozeReminder(viewerLead, 10, _s.Now);
    }

    [Fact]
    public void SomeoneRestricted_NeverActs_EvenHoldingTheLead()
    {
        var incident = _s.Declare();
        var guestLead = _s.Alice with { Role = AppRole.Viewer, IsRestricted = true };

        var can = incident.PermissionsFor(guestLead);

        Assert.False(guestLead.CanDeclare);
        Assert.True(can.IsLead);
        Assert.False(can.Act);
        Assert.False(can.ManageReminder);
        Assert.Throws<ForbiddenException>(() => incident.PostUpdate(guestLead, Update(), null, _s.Now));
    }

    [Fact]
    public void AViewerOfferedTheLead_MayAnswer_ButNothingElse_UntilTheyAccept()
    {
        var incident = _s.Declare();
        incident.OfferLead(_s.Alice, _s.LeadRole, AggregateScenario.Ref(_vic), "Printers: yours.", _s.Alice.UserId, _s.Now);

        var before = incident.PermissionsFor(_vic);
        Assert.True(before.AnswerHandover);
        Assert.True(before.Act);
        Assert.False(before.PostUpdate);

        incident.AcceptLead(_vic, _s.LeadRole, _s.Alice.UserId, _s.Now);
        Assert.True(incident.PermissionsFor(_vic).IsLead);
        Assert.True(incident.PermissionsFor(_vic).PostUpdate);
    }
}
