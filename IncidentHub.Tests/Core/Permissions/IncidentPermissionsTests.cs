using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Permissions;

/// <summary>The one permission rule, on the aggregate with a fake clock: what it allows is what the methods accept.</summary>
public sealed class IncidentPermissionsTests
{
    private readonly AggregateScenario _s = new();

    [Fact]
    public void Publish_OnAPrivateIncident_IsNotOffered_EvenToTheLead()
    {
        var incident = _s.Declare();
        incident.ChangeVisibility(_s.Alice, IncidentVisibility.Private, isPublished: false, _s.Now);

        var can = incident.PermissionsFor(_s.Alice);

        Assert.False(can.Publish);
        Assert.False(can.DraftNotice);
        Assert.Throws<DomainException>(() => incident.EnsureCanPublish(_s.Alice));
    }

    [Theory]
    [InlineData(IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Declined)]
    public void Publish_OnAFinishedIncident_IsRefused_AsThePageHidesIt(IncidentStatus status)
    {
        var incident = _s.DeclareIn(status);

        Assert.False(incident.PermissionsFor(_s.Carol).Publish);
        var ex = Assert.Throws<DomainException>(() => incident.EnsureCanPublish(_s.Carol));
        Assert.Contains("publish", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => incident.RecordNoticeDraft(_s.Alice, _s.Now));
    }

    [Theory]
    [InlineData(IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Declined)]
    public void AnUpdate_NeverClosesOrDeclines_AsTheComposerOffers(IncidentStatus target)
    {
        var incident = _s.DeclareIn(target == IncidentStatus.Closed ? IncidentStatus.Resolved : IncidentStatus.Triage);
        var updates = incident.Updates.Count;

        Assert.DoesNotContain(target, incident.PermissionsFor(_s.Alice).UpdateStatuses);
        Assert.Contains(target, incident.PermissionsFor(_s.Alice).NextStatuses);
        var ex = Assert.Throws<DomainException>(() =>
            incident.PostUpdate(_s.Alice, new PostUpdateRequest { Message = "Done.", NewStatus = target }, null, _s.Now));

        Assert.Contains("Change status", ex.Message, StringComparison.Ordinal);
        Assert.NotEqual(target, incident.Status);
        Assert.Equal(updates, incident.Updates.Count);
    }

    [Fact]
    public void EveryStatusTheComposerOffers_IsOneAnUpdateMayMoveTo()
    {
        foreach (var status in IncidentStatuses.All.Where(s => s != IncidentStatus.Closed && s != IncidentStatus.Declined))
        {
            var incident = _s.DeclareIn(status);
            foreach (var offered in incident.PermissionsFor(_s.Alice).UpdateStatuses)
            {
                var copy = _s.DeclareIn(status);
                copy.PostUpdate(_s.Alice, new PostUpdateRequest { Message = "Moving.", NewStatus = offered }, null, _s.Now);
                Assert.Equal(offered, copy.Status);
            }
        }
    }

    [Fact]
    public void OnAResolvedIncident_TheReminderIsNotOffered_ToTheLeadOrAnAdmin()
    {
        var incident = _s.DeclareIn(IncidentStatus.Resolved);

        Assert.False(incident.PermissionsFor(_s.Alice).ManageReminder);
        Assert.False(incident.PermissionsFor(_s.Carol).ManageReminder);
        Assert.Throws<DomainException>(() => incident.ChangeCadence(_s.Carol, 10, _s.Now));
    }

    [Fact]
    public void TheCommunicationsLead_Publishes_AnotherResponder_OnlyDrafts()
    {
        var incident = _s.Declare();
        incident.AssignRole(_s.Alice, _s.CommsRole, AggregateScenario.Ref(_s.Bob), null, _s.Now);
        var dana = new Actor("dana", "Dana Diaz", AppRole.Responder);

        Assert.True(incident.PermissionsFor(_s.Bob).Publish);
        Assert.False(incident.PermissionsFor(dana).Publish);
        Assert.True(incident.PermissionsFor(dana).DraftNotice);
        Assert.Throws<ForbiddenException>(() => incident.EnsureCanPublish(dana));
    }

    [Theory]
    [InlineData(IncidentStatus.Investigating, false)]
    [InlineData(IncidentStatus.Resolved, true)]
    [InlineData(IncidentStatus.Closed, true)]
    [InlineData(IncidentStatus.Declined, false)]
    public void TheWrittenReview_StartsOnceResolved_AsTheReviewPageOffersIt(IncidentStatus status, bool offered)
    {
        var incident = _s.DeclareIn(status);

        Assert.Equal(offered, incident.PermissionsFor(_s.Carol).StartReview);
        if (offered)
        {
            Assert.NotNull(incident.StartReview(_s.Carol, [], _s.Now));
        }
        else
        {
            Assert.Throws<DomainException>(() => incident.StartReview(_s.Carol, [], _s.Now));
        }
    }

    [Fact]
    public void AViewer_IsNotOfferedTheReviewOrFollowUps_AndTheAggregateRefusesThem()
    {
        var incident = _s.DeclareIn(IncidentStatus.Resolved);
        var viewer = new Actor("vic", "Vic Viewer", AppRole.Viewer);

        Assert.False(incident.PermissionsFor(viewer).StartReview);
        Assert.False(incident.PermissionsFor(viewer).ChangeActions);
        Assert.Throws<ForbiddenException>(() => incident.StartReview(viewer, [], _s.Now));
        Assert.Throws<ForbiddenException>(() => incident.AddFollowUp(viewer, new IncidentHub.Core.FollowUps.AddFollowUpRequest { Title = "Mine" }, null, _s.Now));
    }
}
