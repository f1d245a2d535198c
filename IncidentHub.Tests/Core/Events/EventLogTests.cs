using IncidentHub.Core.Actions;
using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Roles;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Events;

/// <summary>
/// The runner writes every change, its timeline entries and its events in one transaction: what is in the log
/// happened, and what happened is in the log, in order.
/// </summary>
public abstract class EventLogTests(TestDatabase database) : DatabaseTest(database)
{
    private Task<List<EventLogEntry>> LogAsync(int? incidentId = null) => Harness.QueryAsync(db => db.EventLog
        .Where(e => incidentId == null || e.IncidentId == incidentId)
        .OrderBy(e => e.Sequence)
        .ToListAsync(Ct));

    [Fact]
    public async Task EveryChange_IsInTheLog_InTheOrderItHappened_EachWithTheEntryThatTellsIt()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(riley);
        var critical = await Harness.SeverityIdAsync("Critical");
        var major = await Harness.SeverityIdAsync("Major");

        await Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct);
        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest
        {
            Message = "Rolling back.", NewStatus = IncidentStatus.Fixing, NewSeverityId = critical, ExpectedStatus = IncidentStatus.Investigating, ExpectedSeverityId = major,
        }, Ct);
        await Harness.Incidents.ChangeSeverityAsync(riley, incident.Id, critical, major, Ct);
        await Harness.Incidents.EditDetailsAsync(riley, incident.Id, new IncidentDetails("Checkout failing", null, null),
            new EditIncidentDetailsRequest { Name = "Checkout down" }, Ct);
        await Harness.Roles.AssignAsync(riley, incident.Id, await Harness.RoleIdAsync(IncidentRoleKind.Scribe), sam.UserId, null, Ct);
        await Harness.Roles.UnassignAsync(riley, incident.Id, await Harness.RoleIdAsync(IncidentRoleKind.Scribe), sam.UserId, Ct);
        var action = await Harness.Actions.AddAsync(riley, incident.Id, new AddActionRequest { Title = "Roll back", OwnerId = sam.UserId }, Ct);
        await Harness.Actions.ChangeStatusAsync(sam, incident.Id, action, ActionStatus.Outstanding, ActionStatus.Done, Ct);
        await Harness.Actions.ChangeOwnerAsync(riley, incident.Id, action, sam.UserId, null, Ct);
        var note = await Harness.Timeline.AddNoteAsync(sam, incident.Id, new AddNoteRequest { Text = "Found it." }, Ct);
        await Harness.Timeline.SetHighlightAsync(riley, incident.Id, note, true, Ct);
        await Harness.Reminders.SkipAsync(riley, incident.Id, new SkipUpdateRequest { Reason = "Nothing new." }, Ct);
        await Harness.Reminders.SnoozeAsync(riley, incident.Id, 10, Ct);
        await Harness.Reminders.ChangeCadenceAsync(riley, incident.Id, 15, Ct);
        await Harness.Incidents.CorrectTimestampAsync(riley, incident.Id, IncidentTimestamp.Detected, ServiceHarness.Start, ServiceHarness.Start - TimeSpan.FromMinutes(5), Ct);
        await Harness.Publication.SaveDraftAsync(riley, incident.Id, new PublicNoticeForm { Title = "Payments", Message = "Looking." }, Ct);
        await Harness.Publication.PublishAsync(riley, incident.Id, new PublicNoticeForm { Title = "Payments", Message = "Looking.", Status = PublicStatus.Investigating }, Ct);
        await Harness.Roles.HandOverLeadAsync(riley, incident.Id, sam, riley.UserId, Ct);

        var log = await LogAsync(incident.Id);
        Assert.Equal(
            [
                "incident.declared", "incident.status_changed", "update.posted", "incident.status_changed", "incident.severity_changed",
                "incident.severity_changed", "incident.details_edited", "role.assigned", "role.unassigned", "action.added", "action.status_changed",
                "action.owner_changed", "timeline.note_added", "timeline.key_event_marked", "update.skipped", "update.reminder_snoozed",
                "update.cadence_changed", "incident.key_time_corrected", "status_page.draft_saved", "status_page.published", "role.lead_offered",
                "role.lead_handed_over",
            ],
            log.Select(e => e.Kind));
        Assert.Equal(log.Select(e => e.Sequence).Order(), log.Select(e => e.Sequence));
        Assert.All(log, e => Assert.Equal((incident.Number, false), (e.IncidentNumber, e.IsPrivate)));

        // The update and what it moved are one change, told by one timeline entry.
        Assert.Single(log.Skip(2).Take(3).Select(e => e.ChangeId).Distinct());
        Assert.Single(log.Skip(2).Take(3).Select(e => e.TimelineEntryId).Distinct());
        Assert.Equal(log.Count - 2, log.Select(e => e.ChangeId).Distinct().Count());

        // Every event that has words on the timeline points at them; the entry is the change's own.
        var entries = await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.IncidentId == incident.Id).ToDictionaryAsync(e => e.Id, Ct));
        Assert.All(log.Where(e => e.Kind is not ("status_page.draft_saved" or "timeline.key_event_marked")), e => Assert.True(entries.ContainsKey(e.TimelineEntryId!.Value), e.Kind));
        Assert.Equal(TimelineEntryKind.Update, entries[log[2].TimelineEntryId!.Value].Kind);
        Assert.Equal(note, log.Single(e => e.Kind == "timeline.key_event_marked").TimelineEntryId);

        // Ids of rows the change added are in the payloads.
        var posted = Assert.IsType<UpdatePosted>(log[2].ToLoggedEvent().Event);
        Assert.Equal(await Harness.QueryAsync(db => db.IncidentUpdates.Select(u => u.Id).SingleAsync(Ct)), posted.UpdateId);
        Assert.Equal(action, Assert.IsType<ActionAdded>(log[9].ToLoggedEvent().Event).ActionId);
        Assert.Equal(note, Assert.IsType<NoteAdded>(log[12].ToLoggedEvent().Event).EntryId);
        Assert.Equal((sam.UserId, "Sam Okafor"), (log[10].ActorId, log[10].ActorName));
    }

    [Fact]
    public async Task AChangeWhoseEventsCannotBeWritten_IsNotSaved_AndLeavesNoTrace()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        var before = await Harness.LoadIncidentAsync(incident.Id);
        Harness.Feed.Clear();
        // Every try the runner makes fails at the event row, after the change's own rows were written.
        Harness.Database.CommandHook.FailNextInsertInto("EventLog", times: 10);

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Rolling back.", NewStatus = IncidentStatus.Fixing }, Ct));

        var after = await Harness.LoadIncidentAsync(incident.Id);
        Assert.Equal((IncidentStatus.Triage, before.Version, before.LastUpdateAt), (after.Status, after.Version, after.LastUpdateAt));
        Assert.Equal(0, await Harness.QueryAsync(db => db.IncidentUpdates.CountAsync(Ct)));
        Assert.Equal([TimelineEntryKind.Declared], await Harness.QueryAsync(db => db.TimelineEntries.Select(e => e.Kind).ToListAsync(Ct)));
        Assert.Equal(["incident.declared"], (await LogAsync()).Select(e => e.Kind));
        Assert.Empty(Harness.Feed.Changes);
    }

    [Fact]
    public async Task AChangeWhoseFirstTryFailsAtItsEvents_IsSavedOnce_WithItsEventsOnce()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        Harness.Feed.Clear();
        Harness.Database.CommandHook.FailNextInsertInto("EventLog");

        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Rolling back.", NewStatus = IncidentStatus.Fixing }, Ct);

        Assert.Equal(1, await Harness.QueryAsync(db => db.IncidentUpdates.CountAsync(Ct)));
        Assert.Equal(2, await Harness.QueryAsync(db => db.TimelineEntries.CountAsync(Ct)));
        Assert.Equal(["incident.declared", "update.posted", "incident.status_changed"], (await LogAsync()).Select(e => e.Kind));
        Assert.Single(Harness.Feed.Changes);
    }

    [Fact]
    public async Task ARefusedChange_LeavesNoEvent()
    {
        var riley = await Harness.CreateResponderAsync();
        var viewer = await Harness.CreateViewerAsync();
        var incident = await Harness.DeclareAsync(riley);

        await Assert.ThrowsAsync<IncidentHub.Core.Common.DomainException>(() =>
            Harness.Incidents.ChangeStatusAsync(riley, incident.Id, IncidentStatus.Triage, IncidentStatus.Closed, Ct));
        await Assert.ThrowsAsync<IncidentHub.Core.Common.ForbiddenException>(() =>
            Harness.Timeline.AddNoteAsync(viewer, incident.Id, new AddNoteRequest { Text = "Hi" }, Ct));

        Assert.Equal(["incident.declared"], (await LogAsync()).Select(e => e.Kind));
    }

    [Fact]
    public async Task EachConsumer_ReactsOncePerChange()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        Harness.Feed.Clear();

        await Harness.Roles.AssignAsync(riley, incident.Id, await Harness.RoleIdAsync(IncidentRoleKind.Scribe), sam.UserId, null, Ct);
        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Fixing.", NewStatus = IncidentStatus.Fixing }, Ct);
        await Harness.Get<EventDispatcher>().CatchUpAsync(Ct);

        Assert.Equal(
            [new IncidentChange(incident.Id, incident.Number, IncidentChangeKind.RolesChanged, riley.UserId), new IncidentChange(incident.Id, incident.Number, IncidentChangeKind.UpdatePosted, riley.UserId)],
            Harness.Feed.Changes);
        var notice = Assert.Single(Harness.NotificationFeed.Notices);
        Assert.Equal((sam.UserId, "You are now the Scribe on INC-1."), (notice.UserId, notice.Text));
        Assert.Equal(1, await Harness.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == sam.UserId, Ct)));
    }

    [Fact]
    public async Task APrivateIncident_LogsWhoAskedToSeeIt_NeverWhy()
    {
        var riley = await Harness.CreateResponderAsync();
        var casey = await Harness.CreateResponderAsync("Casey Lee");
        var incident = await Harness.DeclareAsync(riley, "Credential leak", configure: r => r.IsPrivate = true);

        await Harness.Access.RequestAsync(casey, incident.Number, "I own the key vault: SECRET-REASON", Ct);
        var requestId = await Harness.QueryAsync(db => db.IncidentAccessRequests.Select(r => r.Id).SingleAsync(Ct));
        await Harness.Access.DecideAsync(riley, incident.Id, requestId, grant: true, Ct);

        var log = await LogAsync(incident.Id);
        Assert.Equal(["incident.declared", "access.requested", "access.granted"], log.Select(e => e.Kind));
        Assert.All(log, e => Assert.True(e.IsPrivate));
        Assert.All(log, e => Assert.DoesNotContain("SECRET-REASON", e.Payload, StringComparison.Ordinal));
        Assert.Equal(new AccessRequested(casey.UserId, "Casey Lee", riley.UserId), log[1].ToLoggedEvent().Event);
        Assert.Equal(
            [IncidentHub.Core.Notifications.NotificationKind.AccessRequested],
            await Harness.QueryAsync(db => db.Notifications.Where(n => n.UserId == riley.UserId).Select(n => n.Kind).ToListAsync(Ct)));
        Assert.Equal(
            [IncidentHub.Core.Notifications.NotificationKind.AccessGranted],
            await Harness.QueryAsync(db => db.Notifications.Where(n => n.UserId == casey.UserId).Select(n => n.Kind).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Declaring_GoesThroughTheSameDoor_TheEventWithItsEntry()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");

        var incident = await Harness.DeclareAsync(riley, "Checkout failing");

        var logged = Assert.Single(await LogAsync());
        var entry = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(Ct));
        Assert.Equal((incident.Id, "incident.declared", entry.Id, riley.UserId, ServiceHarness.Start), (logged.IncidentId, logged.Kind, logged.TimelineEntryId!.Value, logged.ActorId, logged.OccurredAt));
        Assert.Equal("Checkout failing", Assert.IsType<IncidentDeclared>(logged.ToLoggedEvent().Event).Name);
    }

    [Fact]
    public async Task ABatchTheDatabaseNumberedOutOfOrder_IsTakenBackAndWrittenAgainOneRowAtATime()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        var changeId = Guid.NewGuid().ToString("N");
        var kind = IncidentEventCatalog.KindOf(typeof(UpdateNudged));
        var at = Harness.Time.GetUtcNow();
        var firstTry = new HashSet<int>();

        // The first time each row is built it carries a sequence of its own, the second before the first: the batch
        // comes back numbered out of order, as a provider that does not number a batch in order would leave it.
        Func<EventLogEntry> Build(int nudgeNumber, long outOfOrder) => () =>
        {
            var row = new EventLogEntry(changeId, incident.Id, incident.Number, false, kind, at, at, null, "IncidentHub", null,
                $"{{\"v\":1,\"leadId\":\"{riley.UserId}\",\"nudgeNumber\":{nudgeNumber}}}");
            if (firstTry.Add(nudgeNumber))
            {
                typeof(EventLogEntry).GetProperty(nameof(EventLogEntry.Sequence))!.SetValue(row, outOfOrder);
            }

            return row;
        };

        var saved = await Harness.QueryAsync(async db =>
        {
            if (db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer")
            {
                Assert.Skip("SQL Server refuses explicit identity values without IDENTITY_INSERT; the path is the same code.");
            }

            return await EventLogInserts.InsertInOrderAsync(db, changeId, [Build(1, 900_002), Build(2, 900_001)], Ct);
        });

        var log = await Harness.QueryAsync(db => db.EventLog.Where(e => e.ChangeId == changeId).OrderBy(e => e.Sequence).ToListAsync(Ct));
        Assert.Equal([1, 2], log.Select(e => ((UpdateNudged)e.ToLoggedEvent().Event).NudgeNumber));
        Assert.DoesNotContain(log, e => e.Sequence is 900_001 or 900_002);
        Assert.Equal(log.Select(e => e.Sequence), saved.Select(e => e.Sequence));
        Assert.True(EventLogInserts.IsInOrder(saved));
    }
}

public sealed class EventLogTests_Sqlite(SqliteTestDatabase database)
    : EventLogTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class EventLogTests_SqlServer(SqlServerTestDatabase database)
    : EventLogTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class EventLogTests_PostgreSql(PostgreSqlTestDatabase database)
    : EventLogTests(database), IClassFixture<PostgreSqlTestDatabase>;
