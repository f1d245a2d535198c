using IncidentHub.Core.Roles;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentHub.Tests.Core.Reminders;

/// <summary>The nudge sweep on a real database: once per due period, a constant number of statements, one winner.</summary>
public abstract class UpdateNudgeSweeperTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly TimeSpan Cadence = TimeSpan.FromMinutes(30);

    private Task<int> NotificationCountAsync() =>
        Harness.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.UpdateDue, Ct));

    [Fact]
    public async Task Sweep_OneSecondBeforeDue_SendsNothing()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        await Harness.DeclareAsync(lead, "Search is slow");
        Harness.Time.Advance(Cadence - TimeSpan.FromSeconds(1));

        var result = await Harness.Sweeper.SweepAsync(Ct);

        Assert.Empty(result.Nudges);
        Assert.Equal(0, await NotificationCountAsync());
    }

    [Fact]
    public async Task Sweep_AtTheDueTime_NudgesTheLeadOnce_InEveryWay()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var incident = await Harness.DeclareAsync(lead, "Search is slow");
        Harness.Time.Advance(Cadence);
        Harness.Feed.Clear();

        var result = await Harness.Sweeper.SweepAsync(Ct);

        var nudge = Assert.Single(result.Nudges);
        Assert.Equal((incident.Id, lead.UserId, 1), (nudge.IncidentId, nudge.LeadId, nudge.NudgeNumber));
        Assert.Equal(1, await Harness.Notifications.CountUnreadAsync(lead, Ct));
        Assert.Equal(NotificationKind.UpdateDue, Assert.Single(await Harness.Notifications.GetRecentAsync(lead, cancellationToken: Ct)).Kind);
        Assert.Equal(lead.UserId, Assert.Single(Harness.NotificationFeed.Notices).UserId);
        Assert.Contains(Harness.Feed.Changes, c => c.IncidentId == incident.Id && c.Kind == IncidentChangeKind.NudgeSent);
    }

    [Fact]
    public async Task Sweep_AgainInTheSamePeriod_SendsNothingMore_UntilOneCadenceLater()
    {
        var lead = await Harness.CreateResponderAsync();
        await Harness.DeclareAsync(lead, "Search is slow");
        Harness.Time.Advance(Cadence);
        await Harness.Sweeper.SweepAsync(Ct);

        var again = await Harness.Sweeper.SweepAsync(Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(29));
        var stillQuiet = await Harness.Sweeper.SweepAsync(Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(1));
        var oneCadenceLater = await Harness.Sweeper.SweepAsync(Ct);

        Assert.Empty(again.Nudges);
        Assert.Empty(stillQuiet.Nudges);
        Assert.Equal(2, Assert.Single(oneCadenceLater.Nudges).NudgeNumber);
        Assert.Equal(2, await NotificationCountAsync());
    }

    [Fact]
    public async Task Sweep_WhileStillOverdue_KeepsTheDueTime_AndCountsTheNudges_UntilAnUpdateResetsThem()
    {
        var lead = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(lead, "Search is slow");
        var due = Harness.Time.GetUtcNow() + Cadence;
        Harness.Time.Advance(Cadence);
        await Harness.Sweeper.SweepAsync(Ct);
        Harness.Time.Advance(Cadence);
        await Harness.Sweeper.SweepAsync(Ct);

        var reminder = await Harness.QueryAsync(db => db.UpdateReminders.AsNoTracking().SingleAsync(r => r.IncidentId == incident.Id, Ct));
        Assert.Equal((2, due, Harness.Time.GetUtcNow()), (reminder.NudgeCount, reminder.DueAt, reminder.LastNudgedAt));
        Assert.True(reminder.IsOverdue(Harness.Time.GetUtcNow()));
        Assert.False(reminder.IsNudgeDue(Harness.Time.GetUtcNow()));

        await Harness.Updates.PostUpdateAsync(lead, incident.Id, new PostUpdateRequest { Message = "Reindexing." }, Ct);

        reminder = await Harness.QueryAsync(db => db.UpdateReminders.AsNoTracking().SingleAsync(r => r.IncidentId == incident.Id, Ct));
        Assert.Equal((0, Harness.Time.GetUtcNow() + Cadence), (reminder.NudgeCount, reminder.DueAt));
        Assert.False(reminder.IsOverdue(Harness.Time.GetUtcNow()));
    }

    [Fact]
    public async Task Sweep_AfterAnUpdate_WaitsForTheNewDueTime()
    {
        var lead = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(lead, "Search is slow");
        Harness.Time.Advance(TimeSpan.FromMinutes(25));
        await Harness.Updates.PostUpdateAsync(lead, incident.Id, new PostUpdateRequest { Message = "Reindexing." }, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Empty((await Harness.Sweeper.SweepAsync(Ct)).Nudges);
        Harness.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.Single((await Harness.Sweeper.SweepAsync(Ct)).Nudges);
    }

    [Fact]
    public async Task Sweep_AfterAHandOver_NudgesTheNewLead()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(riley, "Search is slow");
        await Harness.Roles.HandOverLeadAsync(riley, incident.Id, sam, riley.UserId, Ct);
        Harness.Time.Advance(Cadence);

        var nudge = Assert.Single((await Harness.Sweeper.SweepAsync(Ct)).Nudges);

        Assert.Equal(sam.UserId, nudge.LeadId);
        Assert.Equal(0, await Harness.Notifications.CountUnreadAsync(riley, Ct));
    }

    [Fact]
    public async Task Sweep_WhileAHandOverIsPending_NudgesTheCurrentLead_AndTheIncomingLeadOnceTheyAccept()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(riley, "Search is slow");
        await Harness.Roles.OfferLeadAsync(riley, incident.Id, new OfferLeadRequest { UserId = sam.UserId, Note = "Going off shift." }, riley.UserId, Ct);
        Harness.Time.Advance(Cadence);

        Assert.Equal(riley.UserId, Assert.Single((await Harness.Sweeper.SweepAsync(Ct)).Nudges).LeadId);

        await Harness.Roles.AcceptLeadAsync(sam, incident.Id, riley.UserId, Ct);
        Harness.Time.Advance(Cadence);

        Assert.Equal(sam.UserId, Assert.Single((await Harness.Sweeper.SweepAsync(Ct)).Nudges).LeadId);
    }

    [Fact]
    public async Task Sweep_IgnoresResolvedIncidents()
    {
        var lead = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(lead, "Search is slow");
        await Harness.Incidents.ChangeStatusAsync(lead, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, Ct);
        await Harness.Incidents.ChangeStatusAsync(lead, incident.Id, IncidentStatus.Investigating, IncidentStatus.Resolved, Ct);
        Harness.Time.Advance(TimeSpan.FromHours(5));

        Assert.Empty((await Harness.Sweeper.SweepAsync(Ct)).Nudges);
    }

    [Fact]
    public async Task Sweep_AfterASnooze_WaitsForTheSnoozedTime()
    {
        var lead = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(lead, "Search is slow");
        Harness.Time.Advance(Cadence);
        await Harness.Sweeper.SweepAsync(Ct);
        await Harness.Reminders.SnoozeAsync(lead, incident.Id, 10, Ct);

        Harness.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty((await Harness.Sweeper.SweepAsync(Ct)).Nudges);
        Harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, Assert.Single((await Harness.Sweeper.SweepAsync(Ct)).Nudges).NudgeNumber);
    }

    [Fact]
    public async Task TwoSweepsAtTheSameMoment_SendOneNudgePerIncident()
    {
        var lead = await Harness.CreateResponderAsync();
        for (var i = 0; i < 20; i++)
        {
            await Harness.DeclareAsync(lead, $"Incident {i}");
        }

        var other = new UpdateNudgeSweeper(
            Harness.Services.GetRequiredService<IDbContextFactory<IncidentHubDbContext>>(), Harness.Time,
            Harness.Get<IncidentHub.Core.Events.EventDispatcher>(), NullLogger<UpdateNudgeSweeper>.Instance);

        for (var round = 1; round <= 3; round++)
        {
            Harness.Time.Advance(Cadence);
            var results = await Task.WhenAll(Harness.Sweeper.SweepAsync(Ct), other.SweepAsync(Ct));

            Assert.Equal(20, results.Sum(r => r.Nudges.Count));
            Assert.Equal(20 * round, await NotificationCountAsync());
        }
    }

    [Fact]
    public async Task Sweep_SendsTheSameNumberOfStatements_ForTwoOrFortyDueIncidents()
    {
        using var counter = new SqlCommandCounter();
        var lead = await Harness.CreateResponderAsync();
        for (var i = 0; i < 2; i++)
        {
            await Harness.DeclareAsync(lead, $"Small batch {i}");
        }

        Harness.Time.Advance(Cadence);
        var forTwo = await counter.CountAsync(() => Harness.Sweeper.SweepAsync(Ct));
        for (var i = 0; i < 40; i++)
        {
            await Harness.DeclareAsync(lead, $"Big batch {i}");
        }

        Harness.Time.Advance(Cadence);
        var forFortyTwo = await counter.CountAsync(() => Harness.Sweeper.SweepAsync(Ct));

        Assert.Equal(42, await Harness.QueryAsync(db => db.UpdateReminders.CountAsync(r => r.NudgeCount > 0, Ct)));
        Assert.Equal(forTwo, forFortyTwo);
        // PostgreSQL and SQL Server add one for the event log's writer lock (SQLite has one writer already).
        Assert.InRange(forTwo, 3, Database.Provider == IncidentHub.Web.Data.DatabaseProvider.Sqlite ? 6 : 7);
    }

    [Fact]
    public async Task Sweep_GetsTheSequencesFromItsInsert_AndReadsNothingBackAfterIt()
    {
        using var counter = new SqlCommandCounter();
        var lead = await Harness.CreateResponderAsync();
        var first = await Harness.DeclareAsync(lead, "Checkout is failing");
        var second = await Harness.DeclareAsync(lead, "Search is slow");
        Harness.Time.Advance(Cadence);
        Harness.NotificationFeed.Clear();

        NudgeSweepResult result = null!;
        var commands = await counter.CaptureAsync(async () => result = await Harness.Sweeper.SweepAsync(Ct));

        // The events come back from the insert itself; after it nothing reads the log or the incidents again (the
        // toasts carry the names the sweep read in its transaction).
        var insert = commands.ToList().FindIndex(c => c.Contains("INSERT INTO", StringComparison.Ordinal) && c.Contains("EventLog", StringComparison.Ordinal));
        Assert.True(insert >= 0, "The sweep wrote no event rows.");
        Assert.DoesNotContain(commands.Skip(insert + 1), c => c.Contains("Incidents", StringComparison.Ordinal) || c.Contains("FROM \"EventLog\"", StringComparison.Ordinal) || c.Contains("FROM [EventLog]", StringComparison.Ordinal));
        Assert.Equal(2, result.Nudges.Count);
        var logged = await Harness.QueryAsync(db => db.EventLog.Where(e => e.Kind == IncidentHub.Core.Events.IncidentEventCatalog.KindOf(typeof(IncidentHub.Core.Events.UpdateNudged))).OrderBy(e => e.Sequence).Select(e => new { e.IncidentId, e.Sequence }).ToListAsync(Ct));
        Assert.Equal([first.Id, second.Id], logged.Select(e => e.IncidentId));
        Assert.Equal(
            new (string?, int?)[] { ("Checkout is failing", first.Number), ("Search is slow", second.Number) },
            Harness.NotificationFeed.Notices.OrderBy(n => n.IncidentNumber).Select(n => (n.IncidentName, n.IncidentNumber)));
    }

    [Fact]
    public async Task Sweep_RecordsOneNudgedEventPerIncident_WithTheLeadAndTheNudgeNumber_InTheSameTransaction()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        var first = await Harness.DeclareAsync(riley, "First");
        var second = await Harness.DeclareAsync(riley, "Second \"quoted\"", configure: r => r.LeadId = sam.UserId);
        Harness.Time.Advance(Cadence);

        await Harness.Sweeper.SweepAsync(Ct);

        var logged = await Harness.QueryAsync(db => db.EventLog.Where(e => e.Kind == IncidentHub.Core.Events.IncidentEventCatalog.KindOf(typeof(IncidentHub.Core.Events.UpdateNudged))).OrderBy(e => e.Sequence).ToListAsync(Ct));
        Assert.Equal([first.Id, second.Id], logged.Select(e => e.IncidentId));
        Assert.Equal(
            [new IncidentHub.Core.Events.UpdateNudged(riley.UserId, 1), new IncidentHub.Core.Events.UpdateNudged(sam.UserId, 1)],
            logged.Select(e => e.ToLoggedEvent().Event));
        Assert.All(logged, e => Assert.Equal((Harness.Time.GetUtcNow(), (string?)null, "IncidentHub"), (e.OccurredAt, e.ActorId, e.ActorName)));
        Assert.Single(logged.Select(e => e.ChangeId).Distinct());
    }

    [Fact]
    public async Task Sweep_ThatFailsToCommit_LeavesNoNudge_NoNotification_AndNoEvent()
    {
        var lead = await Harness.CreateResponderAsync();
        await Harness.DeclareAsync(lead, "Search is slow");
        Harness.Time.Advance(Cadence);
        Harness.Database.CommandHook.FailNextInsertInto("EventLog");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Harness.Sweeper.SweepAsync(Ct));

        Assert.Equal(0, await NotificationCountAsync());
        Assert.Equal(0, await Harness.QueryAsync(db => db.EventLog.CountAsync(e => e.Kind == "update.nudged", Ct)));
        Assert.Single((await Harness.Sweeper.SweepAsync(Ct)).Nudges);
    }
}

public sealed class UpdateNudgeSweeperTests_Sqlite(SqliteTestDatabase database)
    : UpdateNudgeSweeperTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class UpdateNudgeSweeperTests_SqlServer(SqlServerTestDatabase database)
    : UpdateNudgeSweeperTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class UpdateNudgeSweeperTests_PostgreSql(PostgreSqlTestDatabase database)
    : UpdateNudgeSweeperTests(database), IClassFixture<PostgreSqlTestDatabase>;
