using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Roles;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Events;

/// <summary>Every aggregate method states what happened as a typed event; a refused change states nothing.</summary>
public sealed class AggregateRecordsEventsTests
{
    private readonly AggregateScenario _s = new();

    /// <summary>The events recorded by <paramref name="act"/> alone.</summary>
    private static IReadOnlyList<IncidentEvent> During(Incident incident, Action act)
    {
        incident.ClearPendingEvents();
        act();
        return incident.RecordedEvents;
    }

    [Fact]
    public void Declare_RecordsIncidentDeclared_WithItsFacts_AndTheChoiceOfChannel()
    {
        var request = _s.Request();
        request.OpenChatChannel = false;

        var incident = Incident.Declare(7, request, _s.Major, AggregateScenario.Ref(_s.Bob), _s.LeadRole, _s.ReporterRole, _s.Alice, _s.Now);

        var declared = Assert.IsType<IncidentDeclared>(Assert.Single(incident.RecordedEvents));
        Assert.Equal(
            new IncidentDeclared("Checkout failing", "Card payments fail at 3-D Secure.", "EU customers cannot pay.", _s.Major.Id, "Major",
                IncidentStatus.Triage, IncidentVisibility.Standard, _s.Bob.UserId, _s.Bob.DisplayName, _s.Alice.UserId, OpenChatChannel: false),
            declared);
        var pending = Assert.Single(incident.PendingEvents);
        Assert.Same(incident.Timeline.Single(), pending.Entry);
        Assert.Equal((_s.Alice.UserId, _s.Alice.DisplayName, _s.Now), (pending.ActorId, pending.ActorName, pending.OccurredAt));
    }

    [Fact]
    public void ChangeStatus_RecordsStatusChanged()
    {
        var incident = _s.Declare();

        var events = During(incident, () => incident.ChangeStatus(_s.Alice, IncidentStatus.Triage, IncidentStatus.Investigating, _s.Now));

        Assert.Equal([new StatusChanged(IncidentStatus.Triage, IncidentStatus.Investigating)], events);
    }

    [Fact]
    public void PostUpdate_ThatMovesStatusAndSeverity_RecordsTheUpdateFirst_ThenWhatItMoved()
    {
        var incident = _s.Declare();

        var events = During(incident, () => incident.PostUpdate(_s.Alice,
            new PostUpdateRequest { Message = "Rolling back.", NewStatus = IncidentStatus.Fixing, NewSeverityId = _s.Critical.Id }, _s.Critical, _s.Now));

        Assert.Equal(3, events.Count);
        var update = Assert.IsType<UpdatePosted>(events[0]);
        Assert.Equal(("Rolling back.", IncidentStatus.Fixing, "Critical", incident.Reminder.DueAt), (update.Message, update.Status, update.SeverityName, update.NextUpdateDueAt));
        Assert.Equal(new StatusChanged(IncidentStatus.Triage, IncidentStatus.Fixing, PartOfUpdate: true), events[1]);
        Assert.Equal(new SeverityChanged(_s.Major.Id, "Major", _s.Critical.Id, "Critical", PartOfUpdate: true), events[2]);
        Assert.All(incident.PendingEvents, p => Assert.Same(incident.Timeline.Last(), p.Entry));
    }

    [Fact]
    public void ChangeSeverity_RecordsSeverityChanged()
    {
        var incident = _s.Declare();

        var events = During(incident, () => incident.ChangeSeverity(_s.Alice, _s.Major.Id, _s.Minor, _s.Now));

        Assert.Equal([new SeverityChanged(_s.Major.Id, "Major", _s.Minor.Id, "Minor")], events);
    }

    [Fact]
    public void EditDetails_RecordsWhichFieldsChanged_AndTheirNewText()
    {
        var incident = _s.Declare();

        var events = During(incident, () => incident.EditDetails(_s.Alice, new IncidentDetails(incident.Name, incident.Summary, incident.CustomerImpact),
            new EditIncidentDetailsRequest { Name = "Checkout down", Summary = incident.Summary, CustomerImpact = "Nobody can pay." }, _s.Now));

        var edited = Assert.IsType<DetailsEdited>(Assert.Single(events));
        Assert.Equal(["name", "customer impact"], edited.Fields);
        Assert.Equal(("Checkout down", "Nobody can pay."), (edited.Name, edited.CustomerImpact));
    }

    [Fact]
    public void AssignRole_TheLead_RecordsAHandOver_AnyOtherRole_AnAssignment()
    {
        var incident = _s.Declare();

        var handOver = During(incident, () => incident.AssignRole(_s.Alice, _s.LeadRole, AggregateScenario.Ref(_s.Bob), _s.Alice.UserId, _s.Now));
        var scribe = During(incident, () => incident.AssignRole(_s.Bob, _s.ScribeRole, AggregateScenario.Ref(_s.Alice), null, _s.Now));
        var removed = During(incident, () => incident.UnassignRole(_s.Bob, _s.ScribeRole, _s.Alice.UserId, _s.Now));

        Assert.Equal([new LeadHandedOver(_s.Alice.UserId, _s.Alice.DisplayName, _s.Bob.UserId, _s.Bob.DisplayName, "Incident Lead")], handOver);
        Assert.Equal([new RoleAssigned(_s.ScribeRole.Id, "Scribe", IncidentRoleKind.Scribe, _s.Alice.UserId, _s.Alice.DisplayName, null)], scribe);
        Assert.Equal([new RoleUnassigned(_s.ScribeRole.Id, "Scribe", _s.Alice.UserId, _s.Alice.DisplayName)], removed);
    }

    [Fact]
    public void Actions_RecordAdded_StatusChanged_AndOwnerChanged()
    {
        var incident = _s.Declare();

        var added = During(incident, () => incident.AddAction(_s.Alice, new AddActionRequest { Title = "Roll back" }, AggregateScenario.Ref(_s.Bob), _s.Now));
        var done = During(incident, () => incident.ChangeActionStatus(_s.Alice, 0, ActionStatus.Outstanding, ActionStatus.Done, _s.Now));
        var owner = During(incident, () => incident.ChangeActionOwner(_s.Alice, 0, _s.Bob.UserId, null, _s.Now));

        Assert.Equal([new ActionAdded(0, "Roll back", _s.Bob.UserId, _s.Bob.DisplayName)], added);
        Assert.Equal([new ActionStatusChanged(0, "Roll back", ActionStatus.Outstanding, ActionStatus.Done)], done);
        Assert.Equal([new ActionOwnerChanged(0, "Roll back", null, null)], owner);
    }

    [Fact]
    public void NotesAndKeyEvents_AreRecorded_AndMarkingWhatIsAlreadyMarkedIsNot()
    {
        var incident = _s.Declare();
        TimelineEntry? note = null;

        var added = During(incident, () => note = incident.AddNote(_s.Alice, new AddNoteRequest { Text = "Found it.", Highlight = false }, _s.Now));
        var marked = During(incident, () => incident.MarkKeyEvent(_s.Alice, note!, highlighted: true, _s.Now));
        var again = During(incident, () => incident.MarkKeyEvent(_s.Alice, note!, highlighted: true, _s.Now));

        Assert.Equal([new NoteAdded(0, "Found it.", false)], added);
        Assert.Equal([new KeyEventMarked(0, true)], marked);
        Assert.Empty(again);
    }

    [Fact]
    public void NotRelated_IsRecordedWithTheOtherIncidentsNumberOnly_AndMarkingAMarkedPairIsNot()
    {
        var incident = _s.Declare();
        IncidentHub.Core.Similar.NotRelatedMark? mark = null;

        var marked = During(incident, () => mark = incident.MarkNotRelated(_s.Alice, 40, 12, existing: null, _s.Now));
        var again = During(incident, () => Assert.Null(incident.MarkNotRelated(_s.Alice, 40, 12, existing: mark, _s.Now)));
        var undone = During(incident, () => incident.UndoNotRelated(_s.Alice, mark!, 12, _s.Now));

        Assert.Equal([new MarkedNotRelated(40, 12)], marked);
        Assert.Empty(again);
        Assert.Equal([new NotRelatedUndone(40, 12, _s.Alice.DisplayName)], undone);
        Assert.Equal(
            [$"{_s.Alice.DisplayName} marked INC-12 as not related", $"{_s.Alice.DisplayName} undid “not related” for INC-12"],
            incident.Timeline.TakeLast(2).Select(e => e.Text));
    }

    [Fact]
    public void CorrectTimestamp_RecordsTheValueBeforeAndAfter()
    {
        var incident = _s.Declare();
        var before = incident.DetectedAt;
        var earlier = _s.Now - TimeSpan.FromMinutes(10);

        var events = During(incident, () => incident.CorrectTimestamp(_s.Alice, IncidentTimestamp.Detected, before, earlier, _s.Now));

        Assert.Equal([new KeyTimeCorrected(IncidentTimestamp.Detected, before, earlier)], events);
    }

    [Fact]
    public void TheReminder_RecordsSkips_Snoozes_AndCadenceChanges()
    {
        var incident = _s.Declare();

        var skipped = During(incident, () => incident.SkipUpdate(_s.Alice, new SkipUpdateRequest { Reason = "Nothing new." }, _s.Now));
        var dueAfterSkip = incident.Reminder.DueAt;
        var snoozed = During(incident, () => incident.SnoozeReminder(_s.Alice, 10, _s.Now));
        var cadence = During(incident, () => incident.ChangeCadence(_s.Alice, 15, _s.Now));

        Assert.Equal([new UpdateSkipped("Nothing new.", dueAfterSkip)], skipped);
        Assert.Equal([new ReminderSnoozed(10, _s.Now + TimeSpan.FromMinutes(10))], snoozed);
        Assert.Equal([new CadenceChanged(15, Overridden: true)], cadence);
    }

    [Fact]
    public void VisibilityAndAccess_AreRecorded_WithoutAnyReason()
    {
        var incident = _s.Declare();

        var madePrivate = During(incident, () => incident.ChangeVisibility(_s.Alice, IncidentVisibility.Private, isPublished: false, _s.Now));
        var requested = During(incident, () => incident.RecordAccessRequest(_s.Bob, _s.Now));
        IncidentHub.Core.Access.IncidentAccessGrant? grant = null;
        var granted = During(incident, () => grant = incident.GrantAccess(_s.Alice, _s.Bob.UserId, _s.Bob.DisplayName, _s.Now));
        var revoked = During(incident, () => incident.RevokeAccess(_s.Alice, grant!, _s.Now));
        var refused = During(incident, () => incident.RefuseAccess(_s.Alice, _s.Bob.UserId, _s.Bob.DisplayName, _s.Now));

        Assert.Equal([new VisibilityChanged(IncidentVisibility.Standard, IncidentVisibility.Private)], madePrivate);
        Assert.Equal([new AccessRequested(_s.Bob.UserId, _s.Bob.DisplayName, _s.Alice.UserId)], requested);
        Assert.Equal([new AccessGranted(_s.Bob.UserId, _s.Bob.DisplayName)], granted);
        Assert.Equal([new AccessRevoked(_s.Bob.UserId, _s.Bob.DisplayName)], revoked);
        Assert.Equal([new AccessRefused(_s.Bob.UserId, _s.Bob.DisplayName)], refused);
    }

    [Fact]
    public void ThePublicNotice_RecordsDraftsAndPublications()
    {
        var incident = _s.Declare();

        var draft = During(incident, () => incident.RecordNoticeDraft(_s.Alice, _s.Now));
        var published = During(incident, () => incident.RecordPublication(_s.Alice, "Payments failing", PublicStatus.Investigating, "We are on it.", "Checkout: partial outage", _s.Now));

        Assert.Equal([new NoticeDraftSaved()], draft);
        Assert.Equal([new NoticePublished("Payments failing", PublicStatus.Investigating, "We are on it.", "Checkout: partial outage")], published);
    }

    [Fact]
    public void ARefusedChange_RecordsNothing()
    {
        var incident = _s.Declare();

        var events = During(incident, () => Assert.Throws<DomainException>(() =>
            incident.ChangeStatus(_s.Alice, IncidentStatus.Triage, IncidentStatus.Closed, _s.Now)));

        Assert.Empty(events);
    }
}
