using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Resolution;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Resolution;

/// <summary>Ending an incident is one moment: every open thing decided, all applied in one transaction or none.</summary>
public abstract class ClosingServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private ClosingService Closing => Harness.Get<ClosingService>();

    private async Task<(Actor Lead, DeclaredIncident Incident, int ActionId, int Payments)> LiveIncidentAsync()
    {
        var admin = await Harness.CreateAdminAsync("Ada Admin");
        var payments = await Harness.StatusComponents.SaveAsync(admin, new ComponentForm { Name = "Payments" }, Ct);
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead, "Card payments failing");
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Monitoring);
        var action = await Harness.Actions.AddAsync(lead, incident.Id, new AddActionRequest { Title = "Rotate the gateway keys" }, Ct);
        await Harness.Publication.PublishAsync(lead, incident.Id, new PublicNoticeForm
        {
            Title = "Some card payments are failing",
            Message = "We are watching the fix.",
            Status = PublicStatus.Monitoring,
            Impacts = new Dictionary<int, ComponentState> { [payments] = ComponentState.PartialOutage },
        }, Ct);
        return (lead, incident, action, payments);
    }

    [Fact]
    public async Task ThePlan_ShowsTheOpenAction_TheLiveNotice_AndProposedTexts()
    {
        var (lead, incident, actionId, _) = await LiveIncidentAsync();

        var plan = (await Closing.GetPlanAsync(lead, incident.Number, IncidentStatus.Resolved, Ct))!;

        Assert.Equal(actionId, Assert.Single(plan.OpenActions).Id);
        Assert.Equal([ActionOutcome.KeepAsFollowUp, ActionOutcome.MarkDone, ActionOutcome.Drop], plan.ActionOutcomes);
        Assert.Equal("Some card payments are failing", plan.Notice!.Title);
        Assert.True(plan.CanPublish);
        Assert.True(plan.UpdateRequired);
        Assert.Contains("resolved", plan.ProposedNoticeMessage, StringComparison.Ordinal);
        Assert.Contains(plan.HeldRoles, r => r.Kind == IncidentHub.Core.Roles.IncidentRoleKind.Lead);
    }

    [Fact]
    public async Task Resolving_KeepsTheAction_PublishesTheResolution_AndPostsTheClosingUpdate_AtOnce()
    {
        var (lead, incident, actionId, _) = await LiveIncidentAsync();
        var plan = (await Closing.GetPlanAsync(lead, incident.Number, IncidentStatus.Resolved, Ct))!;

        await Closing.CloseAsync(lead, incident.Id, new CloseIncidentRequest
        {
            Target = IncidentStatus.Resolved,
            ExpectedStatus = IncidentStatus.Monitoring,
            Message = "Fixed by rolling back the gateway.",
            Actions = [new ActionDecision { ActionId = actionId, Outcome = ActionOutcome.KeepAsFollowUp }],
            Notice = NoticeOutcome.Publish,
            NoticeTitle = plan.ProposedNoticeTitle,
            NoticeMessage = plan.ProposedNoticeMessage,
            NoticeVersion = plan.Notice!.Version,
        }, Ct);

        var detail = (await Harness.IncidentQueries.GetDetailAsync(lead, incident.Number, Ct))!;
        Assert.Equal(IncidentStatus.Resolved, detail.Status);
        Assert.True(Assert.Single(detail.Actions).IsFollowUp);
        var snapshot = await Harness.StatusPage.GetSnapshotAsync(Ct);
        Assert.Empty(snapshot.Active);
        var entries = await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.IncidentId == incident.Id).OrderBy(e => e.Id)
            .Select(e => new { e.Kind, e.Text, e.IsHighlighted }).ToListAsync(Ct));
        // All four in the one save (their ids follow EF's insert order, not the order they were made in).
        Assert.Equal(new[] { TimelineEntryKind.ActionChanged, TimelineEntryKind.Published, TimelineEntryKind.StatusChanged, TimelineEntryKind.Update }.Order(), entries.TakeLast(4).Select(e => e.Kind).Order());
        // The key event says what happened; the closing update follows it as the first update posted as Resolved.
        var resolved = entries.Single(e => e.Kind == TimelineEntryKind.StatusChanged && e.Text.EndsWith("resolved the incident.", StringComparison.Ordinal));
        Assert.True(resolved.IsHighlighted);
        Assert.Equal(IncidentStatus.Resolved, (await Harness.QueryAsync(db => db.IncidentUpdates.Where(u => u.IncidentId == incident.Id).OrderBy(u => u.Id).Select(u => u.Status).ToListAsync(Ct))).Last());
    }

    [Fact]
    public async Task ANoticePublishedSinceThePlan_IsAConflict_AndNothingChanges()
    {
        var (lead, incident, actionId, payments) = await LiveIncidentAsync();
        var plan = (await Closing.GetPlanAsync(lead, incident.Number, IncidentStatus.Resolved, Ct))!;
        await Harness.Publication.PublishAsync(lead, incident.Id, new PublicNoticeForm
        {
            Title = "Some card payments are failing",
            Message = "Still watching.",
            Status = PublicStatus.Monitoring,
            Impacts = new Dictionary<int, ComponentState> { [payments] = ComponentState.DegradedPerformance },
        }, Ct);
        var before = await EntryCountAsync(incident.Id);

        await Assert.ThrowsAsync<ConflictException>(() => Closing.CloseAsync(lead, incident.Id, new CloseIncidentRequest
        {
            Target = IncidentStatus.Resolved,
            ExpectedStatus = IncidentStatus.Monitoring,
            Message = "Fixed by rolling back the gateway.",
            Actions = [new ActionDecision { ActionId = actionId, Outcome = ActionOutcome.KeepAsFollowUp }],
            Notice = NoticeOutcome.Publish,
            NoticeTitle = plan.ProposedNoticeTitle,
            NoticeMessage = plan.ProposedNoticeMessage,
            NoticeVersion = plan.Notice!.Version,
        }, Ct));

        var detail = (await Harness.IncidentQueries.GetDetailAsync(lead, incident.Number, Ct))!;
        Assert.Equal((IncidentStatus.Monitoring, ActionStatus.Outstanding, false), (detail.Status, detail.Actions[0].Status, detail.Actions[0].IsFollowUp));
        Assert.Equal(before, await EntryCountAsync(incident.Id));
    }

    [Fact]
    public async Task AnUndecidedAction_OrNotice_IsRefusedByName_AndNothingChanges()
    {
        var (lead, incident, actionId, _) = await LiveIncidentAsync();
        var before = await EntryCountAsync(incident.Id);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Closing.CloseAsync(lead, incident.Id, new CloseIncidentRequest
        {
            Target = IncidentStatus.Resolved,
            ExpectedStatus = IncidentStatus.Monitoring,
            Message = "Fixed.",
        }, Ct));

        Assert.Contains("Rotate the gateway keys", string.Join(" ", ex.Errors[ClosingRules.ActionField(actionId)]), StringComparison.Ordinal);
        Assert.True(ex.Errors.ContainsKey(nameof(CloseIncidentRequest.Notice)));
        Assert.Equal(IncidentStatus.Monitoring, (await Harness.IncidentQueries.GetDetailAsync(lead, incident.Number, Ct))!.Status);
        Assert.Equal(before, await EntryCountAsync(incident.Id));
    }

    [Fact]
    public async Task DroppingNeedsAReason_LeavingTheNoticeToo_AndBothAreOnTheTimeline()
    {
        var (lead, incident, actionId, _) = await LiveIncidentAsync();
        var request = new CloseIncidentRequest
        {
            Target = IncidentStatus.Resolved,
            ExpectedStatus = IncidentStatus.Monitoring,
            Message = "Fixed.",
            Actions = [new ActionDecision { ActionId = actionId, Outcome = ActionOutcome.Drop }],
            Notice = NoticeOutcome.Leave,
        };
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Closing.CloseAsync(lead, incident.Id, request, Ct));
        Assert.Equal(["Say why \"Rotate the gateway keys\" is not being done."], ex.Errors[ClosingRules.ActionReasonField(actionId)]);
        Assert.True(ex.Errors.ContainsKey(nameof(CloseIncidentRequest.NoticeReason)));

        request.Actions[0].Reason = "The keys were rotated by the vendor.";
        request.NoticeReason = "Support will post the resolution after the vendor confirms.";
        await Closing.CloseAsync(lead, incident.Id, request, Ct);

        var detail = (await Harness.IncidentQueries.GetDetailAsync(lead, incident.Number, Ct))!;
        Assert.Equal((ActionStatus.NotDoing, "The keys were rotated by the vendor."), (detail.Actions[0].Status, detail.Actions[0].NotDoingReason));
        Assert.Single((await Harness.StatusPage.GetSnapshotAsync(Ct)).Active);
        var note = await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.IncidentId == incident.Id && e.Kind == TimelineEntryKind.Note).Select(e => e.Text).SingleAsync(Ct));
        Assert.Contains("Support will post the resolution", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_KeepsNoFollowUps()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead, "False alarm");
        var action = await Harness.Actions.AddAsync(lead, incident.Id, new AddActionRequest { Title = "Check the alert" }, Ct);

        var plan = (await Closing.GetPlanAsync(lead, incident.Number, IncidentStatus.Declined, Ct))!;
        Assert.DoesNotContain(ActionOutcome.KeepAsFollowUp, plan.ActionOutcomes);
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Closing.CloseAsync(lead, incident.Id, new CloseIncidentRequest
        {
            Target = IncidentStatus.Declined,
            ExpectedStatus = IncidentStatus.Triage,
            Actions = [new ActionDecision { ActionId = action, Outcome = ActionOutcome.KeepAsFollowUp }],
        }, Ct));
        Assert.Contains("declined", ex.Message, StringComparison.OrdinalIgnoreCase);

        await Closing.CloseAsync(lead, incident.Id, new CloseIncidentRequest
        {
            Target = IncidentStatus.Declined,
            ExpectedStatus = IncidentStatus.Triage,
            Message = "The alert fired on a test host.",
            Actions = [new ActionDecision { ActionId = action, Outcome = ActionOutcome.MarkDone }],
        }, Ct);
        var detail = (await Harness.IncidentQueries.GetDetailAsync(lead, incident.Number, Ct))!;
        Assert.Equal((IncidentStatus.Declined, ActionStatus.Done), (detail.Status, detail.Actions[0].Status));
    }

    [Fact]
    public async Task SomeoneElseMovingItMeanwhile_IsAConflict()
    {
        var lead = await Harness.CreateResponderAsync("Lena Lead");
        var incident = await Harness.DeclareAsync(lead, "Search slow");
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Fixing);

        await Assert.ThrowsAsync<ConflictException>(() => Closing.CloseAsync(lead, incident.Id, new CloseIncidentRequest
        {
            Target = IncidentStatus.Resolved,
            ExpectedStatus = IncidentStatus.Investigating,
            Message = "Fixed.",
        }, Ct));
    }

    private Task<int> EntryCountAsync(int incidentId) =>
        Harness.QueryAsync(db => db.TimelineEntries.CountAsync(e => e.IncidentId == incidentId, Ct));
}

public sealed class ClosingServiceTests_Sqlite(SqliteTestDatabase database)
    : ClosingServiceTests(database), IClassFixture<SqliteTestDatabase>;
