using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Events;
using IncidentHub.Core.FollowUps;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.PostIncident;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentHub.Tests.Core.PostIncident;

/// <summary>
/// Nudges for late post-incident tasks (when due, then daily) and follow-ups (on their due date, then weekly), on the
/// update nudges' rules: once per period, across a restart and with two hosts sweeping at once.
/// </summary>
public abstract class PostIncidentNudgeSweeperTests(TestDatabase database) : DatabaseTest(database)
{
    private PostIncidentNudgeSweeper Sweeper => Harness.Get<PostIncidentNudgeSweeper>();

    private Task<int> NotificationCountAsync(NotificationKind kind) =>
        Harness.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == kind, Ct));

    /// <summary>A Major incident resolved now, with a single task "Write the review" due in 2 days (the others removed).</summary>
    private async Task<(Actor Lead, DeclaredIncident Incident)> ResolvedWithOneTaskAsync(string name = "Checkout failing")
    {
        var admin = await Harness.CreateAdminAsync();
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        foreach (var definition in (await Harness.Get<PostIncidentTaskService>().GetDefinitionsAsync(cancellationToken: Ct)).Skip(1))
        {
            await Harness.Get<PostIncidentTaskService>().SetDefinitionArchivedAsync(admin, definition.Id, true, Ct);
        }

        var incident = await Harness.DeclareAsync(lead, name, "Major");
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        return (lead, incident);
    }

    private PostIncidentNudgeSweeper AnotherHost() => new(
        Harness.Services.GetRequiredService<IDbContextFactory<IncidentHubDbContext>>(), Harness.Time,
        Harness.Get<EventDispatcher>(), NullLogger<PostIncidentNudgeSweeper>.Instance);

    [Fact]
    public async Task ATask_OneSecondBeforeItIsDue_IsNotNudged_AtItsDueTime_ItsOwnerIsNudgedOnce_InEveryWay()
    {
        var (lead, incident) = await ResolvedWithOneTaskAsync();
        Harness.Time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.Empty((await Sweeper.SweepAsync(Ct)).Nudges);
        Harness.Time.Advance(TimeSpan.FromSeconds(1));
        Harness.Feed.Clear();

        var nudge = Assert.Single((await Sweeper.SweepAsync(Ct)).Nudges);
        var again = await Sweeper.SweepAsync(Ct);

        Assert.Equal((PostIncidentNudgeKind.Task, "Write the review", lead.UserId, 1), (nudge.Kind, nudge.Title, nudge.OwnerId, nudge.NudgeNumber));
        Assert.Empty(again.Nudges);
        var notification = Assert.Single(await Harness.Notifications.GetRecentAsync(lead, cancellationToken: Ct));
        Assert.Equal(NotificationKind.TaskDue, notification.Kind);
        Assert.Equal("The post-incident task \"Write the review\" on INC-1 is due: do it, or mark it done on the incident's page.", notification.Text);
        Assert.Equal(lead.UserId, Assert.Single(Harness.NotificationFeed.Notices).UserId);
        Assert.Contains(Harness.Feed.Changes, c => c.IncidentId == incident.Id);
        var logged = await Harness.QueryAsync(db => db.EventLog.Where(e => e.Kind == "post_incident.task_nudged").ToListAsync(Ct));
        Assert.Equal((string?)null, Assert.Single(logged).ActorId);
    }

    [Fact]
    public async Task AnOverdueTask_IsNudgedOncePerDay_UntilDone()
    {
        var (lead, incident) = await ResolvedWithOneTaskAsync();
        Harness.Time.Advance(TimeSpan.FromDays(2));
        await Sweeper.SweepAsync(Ct);

        Harness.Time.Advance(TimeSpan.FromHours(23));
        var quiet = await Sweeper.SweepAsync(Ct);
        Harness.Time.Advance(TimeSpan.FromHours(1));
        var nextDay = await Sweeper.SweepAsync(Ct);
        var task = (await Harness.Get<PostIncidentTaskService>().ForIncidentAsync(lead, incident.Id, Ct))[0];
        await Harness.Get<PostIncidentTaskService>().SetDoneAsync(lead, incident.Id, task.Id, true, false, Ct);
        Harness.Time.Advance(TimeSpan.FromDays(3));
        var afterDone = await Sweeper.SweepAsync(Ct);

        Assert.Empty(quiet.Nudges);
        Assert.Equal(2, Assert.Single(nextDay.Nudges).NudgeNumber);
        Assert.Empty(afterDone.Nudges);
        Assert.Equal(2, await NotificationCountAsync(NotificationKind.TaskDue));
    }

    [Fact]
    public async Task AReopenedIncident_PausesItsTaskNudges_UntilResolvedAgain()
    {
        var (lead, incident) = await ResolvedWithOneTaskAsync();
        await Harness.Incidents.ChangeStatusAsync(lead, incident.Id, IncidentStatus.Resolved, IncidentStatus.Investigating, Ct);
        Harness.Time.Advance(TimeSpan.FromDays(3));

        Assert.Empty((await Sweeper.SweepAsync(Ct)).Nudges);

        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        Assert.Single((await Sweeper.SweepAsync(Ct)).Nudges);
    }

    [Fact]
    public async Task TwoHostsSweepingAtTheSameMoment_NudgeEachOwnerOnce_PerPeriod()
    {
        var (_, _) = await ResolvedWithOneTaskAsync("First");
        var lead = await Harness.CreateResponderAsync();
        for (var i = 0; i < 10; i++)
        {
            var more = await Harness.DeclareAsync(lead, $"Incident {i}", "Major");
            await Harness.MoveToAsync(lead, more.Id, IncidentStatus.Resolved);
        }

        var other = AnotherHost();
        Harness.Time.Advance(TimeSpan.FromDays(2));
        for (var round = 1; round <= 3; round++)
        {
            var results = await Task.WhenAll(Sweeper.SweepAsync(Ct), other.SweepAsync(Ct));

            Assert.Equal(11, results.Sum(r => r.Nudges.Count));
            Assert.Equal(11 * round, await NotificationCountAsync(NotificationKind.TaskDue));
            Assert.Equal(11 * round, await Harness.QueryAsync(db => db.EventLog.CountAsync(e => e.Kind == "post_incident.task_nudged", Ct)));
            Harness.Time.Advance(PostIncidentTask.NudgePeriod);
        }
    }

    [Fact]
    public async Task ARestartedHost_SendsNothingTwiceInAPeriod()
    {
        await ResolvedWithOneTaskAsync();
        Harness.Time.Advance(TimeSpan.FromDays(2));
        Assert.Single((await Sweeper.SweepAsync(Ct)).Nudges);

        await using var restarted = new ServiceHarness(Database);
        restarted.Time.SetUtcNow(Harness.Time.GetUtcNow() + TimeSpan.FromHours(12));
        var afterRestart = await restarted.Get<PostIncidentNudgeSweeper>().SweepAsync(Ct);
        restarted.Time.Advance(TimeSpan.FromHours(12));
        var aDayLater = await restarted.Get<PostIncidentNudgeSweeper>().SweepAsync(Ct);

        Assert.Empty(afterRestart.Nudges);
        Assert.Equal(2, Assert.Single(aDayLater.Nudges).NudgeNumber);
        Assert.Equal(2, await NotificationCountAsync(NotificationKind.TaskDue));
    }

    [Fact]
    public async Task ASweepThatFailsToCommit_LeavesNoNudge_AndTheNextSweepSendsIt()
    {
        await ResolvedWithOneTaskAsync();
        Harness.Time.Advance(TimeSpan.FromDays(2));
        Harness.Database.CommandHook.FailNextInsertInto("EventLog");

        await Assert.ThrowsAnyAsync<Exception>(() => Sweeper.SweepAsync(Ct));

        Assert.Equal(0, await NotificationCountAsync(NotificationKind.TaskDue));
        Assert.Single((await Sweeper.SweepAsync(Ct)).Nudges);
    }

    [Fact]
    public async Task AFollowUp_IsNudgedOnItsDueDate_ThenEveryWeekWhileOverdue()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var owner = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(lead, "Checkout failing", "Minor");
        // Due by the end of Friday 27 November (UTC): its day begins at midnight.
        var dueAt = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        await Harness.Get<FollowUpService>().AddAsync(lead, incident.Id, new AddFollowUpRequest { Title = "Add a retry budget", OwnerId = owner.UserId, DueAt = dueAt }, Ct);

        Harness.Time.SetUtcNow(dueAt - TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        var dayBefore = await Sweeper.SweepAsync(Ct);
        Harness.Time.SetUtcNow(dueAt - TimeSpan.FromDays(1));
        var onTheDay = await Sweeper.SweepAsync(Ct);
        Harness.Time.SetUtcNow(dueAt + TimeSpan.FromDays(5));
        var withinTheWeek = await Sweeper.SweepAsync(Ct);
        Harness.Time.SetUtcNow(dueAt + TimeSpan.FromDays(6));
        var aWeekLater = await Sweeper.SweepAsync(Ct);

        Assert.Empty(dayBefore.Nudges);
        var first = Assert.Single(onTheDay.Nudges);
        Assert.Equal((PostIncidentNudgeKind.FollowUp, owner.UserId, "Add a retry budget", 1), (first.Kind, first.OwnerId, first.Title, first.NudgeNumber));
        Assert.Empty(withinTheWeek.Nudges);
        Assert.Equal(2, Assert.Single(aWeekLater.Nudges).NudgeNumber);
        Assert.Equal("Your follow-up \"Add a retry budget\" from INC-1 is due: finish it, plan it again or say why it is not being done.",
            Assert.Single(await Harness.Notifications.GetRecentAsync(owner, take: 1, cancellationToken: Ct)).Text);
    }

    [Fact]
    public async Task AFollowUpThatIsDone_OrHasNoOwnerOrDate_IsNeverNudged_AndANewDateStartsAgain()
    {
        var lead = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(lead, "Checkout failing", "Minor");
        var due = Harness.Time.GetUtcNow() + TimeSpan.FromDays(1);
        var follow = Harness.Get<FollowUpService>();
        var done = await follow.AddAsync(lead, incident.Id, new AddFollowUpRequest { Title = "Done already", OwnerId = lead.UserId, DueAt = due }, Ct);
        await follow.AddAsync(lead, incident.Id, new AddFollowUpRequest { Title = "Nobody's", DueAt = due }, Ct);
        await follow.AddAsync(lead, incident.Id, new AddFollowUpRequest { Title = "Some day", OwnerId = lead.UserId }, Ct);
        var replanned = await follow.AddAsync(lead, incident.Id, new AddFollowUpRequest { Title = "Replanned", OwnerId = lead.UserId, DueAt = due }, Ct);
        await Harness.Actions.ChangeStatusAsync(lead, incident.Id, done, ActionStatus.Outstanding, ActionStatus.Done, Ct);

        var first = await Sweeper.SweepAsync(Ct);
        await follow.PlanAsync(lead, incident.Id, replanned, new PlanFollowUpRequest { DueAt = due + TimeSpan.FromDays(14) }, Ct);
        Harness.Time.Advance(TimeSpan.FromDays(7));
        var beforeTheNewDate = await Sweeper.SweepAsync(Ct);
        Harness.Time.Advance(TimeSpan.FromDays(7));
        var onTheNewDate = await Sweeper.SweepAsync(Ct);

        Assert.Equal("Replanned", Assert.Single(first.Nudges).Title);
        Assert.Empty(beforeTheNewDate.Nudges);
        Assert.Equal(("Replanned", 1), (Assert.Single(onTheNewDate.Nudges).Title, onTheNewDate.Nudges[0].NudgeNumber));
    }

    [Fact]
    public async Task APrivateIncidentsNudge_ReachesOnlyItsOwner_AndNamesItOnlyToThem()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var outsider = await Harness.CreateViewerAsync();
        var incident = await Harness.DeclareAsync(lead, "Payroll leak", "Major", r => r.IsPrivate = true);
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        Harness.Time.Advance(TimeSpan.FromDays(2));

        var nudges = (await Sweeper.SweepAsync(Ct)).Nudges;

        Assert.All(nudges, n => Assert.Equal(lead.UserId, n.OwnerId));
        Assert.Empty(await Harness.Notifications.GetRecentAsync(outsider, cancellationToken: Ct));
        Assert.All(Harness.NotificationFeed.Notices, n => Assert.Equal(lead.UserId, n.UserId));
        Assert.True(await Harness.QueryAsync(db => db.EventLog.Where(e => e.Kind == "post_incident.task_nudged").AllAsync(e => e.IsPrivate, Ct)));
    }
}

public sealed class PostIncidentNudgeSweeperTests_Sqlite(SqliteTestDatabase database)
    : PostIncidentNudgeSweeperTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostIncidentNudgeSweeperTests_SqlServer(SqlServerTestDatabase database)
    : PostIncidentNudgeSweeperTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class PostIncidentNudgeSweeperTests_PostgreSql(PostgreSqlTestDatabase database)
    : PostIncidentNudgeSweeperTests(database), IClassFixture<PostgreSqlTestDatabase>;
