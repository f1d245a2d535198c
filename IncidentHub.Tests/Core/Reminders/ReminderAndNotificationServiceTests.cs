using IncidentHub.Core.Common;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Reminders;

public abstract class ReminderAndNotificationServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly TimeSpan Cadence = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task Skip_PutsTheReasonOnTheTimeline_RestartsTheClock_AndTellsOpenPages()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var incident = await Harness.DeclareAsync(lead, "Search is slow");
        Harness.Time.Advance(TimeSpan.FromMinutes(31));
        Harness.Feed.Clear();

        await Harness.Reminders.SkipAsync(lead, incident.Id, new SkipUpdateRequest { Reason = "Nothing new since the last update." }, Ct);

        var entry = (await Harness.IncidentQueries.GetTimelineAsync(incident.Id, cancellationToken: Ct)).Items[0];
        Assert.Equal((TimelineEntryKind.UpdateSkipped, "Nothing new since the last update.", "Riley Chen"), (entry.Kind, entry.Text, entry.ActorName));
        var detail = (await Harness.IncidentQueries.GetDetailAsync(incident.Number, Ct))!;
        Assert.Equal(Harness.Time.GetUtcNow() + Cadence, detail.Cadence.DueAt);
        Assert.Single(Harness.Feed.Changes);
    }

    [Fact]
    public async Task Skip_ByAResponderWhoIsNotTheLead_IsForbidden_AndNothingChanges()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var other = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(lead, "Search is slow");
        Harness.Time.Advance(TimeSpan.FromMinutes(31));

        var ex = await Assert.ThrowsAsync<ForbiddenException>(() =>
            Harness.Reminders.SkipAsync(other, incident.Id, new SkipUpdateRequest { Reason = "Not mine." }, Ct));

        Assert.Contains("Only the incident lead (Riley Chen)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await Harness.IncidentQueries.GetTimelineAsync(incident.Id, cancellationToken: Ct)).TotalCount);
    }

    [Fact]
    public async Task ChangeCadence_IsShownOnTheIncident_AndFollowedByTheSweep()
    {
        var lead = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(lead, "Search is slow");

        await Harness.Reminders.ChangeCadenceAsync(lead, incident.Id, 10, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(10));

        var detail = (await Harness.IncidentQueries.GetDetailAsync(incident.Number, Ct))!;
        Assert.Equal((10, true), (detail.Cadence.Minutes, detail.Cadence.Overridden));
        Assert.Single((await Harness.Sweeper.SweepAsync(Ct)).Nudges);
    }

    [Fact]
    public async Task TheDashboard_ShowsWhenEachUpdateIsDue()
    {
        var lead = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(lead, "Search is slow");

        var item = Assert.Single(await Harness.IncidentQueries.GetActiveAsync(new(), Ct));

        Assert.Equal(Harness.Time.GetUtcNow() + Cadence, item.UpdateDueAt);
        Assert.Equal(incident.Id, item.Id);
    }

    [Fact]
    public async Task AssigningARole_NotifiesTheNewHolder_ButNotSomeoneWhoTookItThemselves()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(lead, "Search is slow");
        var comms = await Harness.RoleIdAsync(IncidentRoleKind.CommunicationsLead);
        var scribe = await Harness.RoleIdAsync(IncidentRoleKind.Scribe);

        await Harness.Roles.AssignAsync(lead, incident.Id, comms, sam.UserId, null, Ct);
        await Harness.Roles.AssignAsync(lead, incident.Id, scribe, lead.UserId, null, Ct);

        var notification = Assert.Single(await Harness.Notifications.GetRecentAsync(sam, cancellationToken: Ct));
        Assert.Equal($"You are now the Communications Lead on {incident.Reference}.", notification.Text);
        Assert.Empty(await Harness.Notifications.GetRecentAsync(lead, cancellationToken: Ct));
        Assert.Equal(sam.UserId, Assert.Single(Harness.NotificationFeed.Notices).UserId);
    }

    [Fact]
    public async Task MarkRead_OnlyTouchesYourOwnNotifications()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        await Harness.DeclareAsync(lead, "Search is slow");
        Harness.Time.Advance(Cadence);
        await Harness.Sweeper.SweepAsync(Ct);
        var mine = Assert.Single(await Harness.Notifications.GetRecentAsync(lead, cancellationToken: Ct));

        await Assert.ThrowsAsync<NotFoundException>(() => Harness.Notifications.MarkReadAsync(sam, mine.Id, Ct));
        Assert.Equal(1, await Harness.Notifications.CountUnreadAsync(lead, Ct));

        await Harness.Notifications.MarkReadAsync(lead, mine.Id, Ct);
        Assert.Equal(0, await Harness.Notifications.CountUnreadAsync(lead, Ct));
    }

    [Fact]
    public async Task MarkAllRead_ClearsTheCount()
    {
        var lead = await Harness.CreateResponderAsync();
        await Harness.DeclareAsync(lead, "One");
        await Harness.DeclareAsync(lead, "Two");
        Harness.Time.Advance(Cadence);
        await Harness.Sweeper.SweepAsync(Ct);
        Assert.Equal(2, await Harness.Notifications.CountUnreadAsync(lead, Ct));

        await Harness.Notifications.MarkAllReadAsync(lead, Ct);

        Assert.Equal(0, await Harness.Notifications.CountUnreadAsync(lead, Ct));
        Assert.All(await Harness.Notifications.GetRecentAsync(lead, cancellationToken: Ct), n => Assert.True(n.IsRead));
    }

    [Fact]
    public async Task TheReview_ShowsCadenceAdherence()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var incident = await Harness.DeclareAsync(lead, "Search is slow");
        Harness.Time.Advance(TimeSpan.FromMinutes(20));
        await Harness.Updates.PostUpdateAsync(lead, incident.Id, new PostUpdateRequest { Message = "On time.", NewStatus = IncidentHub.Core.Incidents.IncidentStatus.Investigating }, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(45));
        await Harness.Updates.PostUpdateAsync(lead, incident.Id, new PostUpdateRequest { Message = "Late." }, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(31));
        await Harness.Reminders.SkipAsync(lead, incident.Id, new SkipUpdateRequest { Reason = "Waiting on the vendor." }, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(5));
        await Harness.Updates.PostUpdateAsync(lead, incident.Id, new PostUpdateRequest { Message = "Fixed.", NewStatus = IncidentHub.Core.Incidents.IncidentStatus.Resolved }, Ct);

        var adherence = (await Harness.ReviewQueries.GetReviewAsync(incident.Number, Ct))!.Adherence;

        Assert.Equal((2, 1), (adherence.OnTime, adherence.Late));
        Assert.Equal("Waiting on the vendor.", Assert.Single(adherence.Skipped).Reason);
        Assert.Equal(TimeSpan.FromMinutes(45), adherence.LongestSilence);
    }
}

public sealed class ReminderAndNotificationServiceTests_Sqlite(SqliteTestDatabase database)
    : ReminderAndNotificationServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ReminderAndNotificationServiceTests_SqlServer(SqlServerTestDatabase database)
    : ReminderAndNotificationServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class ReminderAndNotificationServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : ReminderAndNotificationServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
