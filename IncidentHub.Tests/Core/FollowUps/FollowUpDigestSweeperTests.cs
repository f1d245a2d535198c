using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.FollowUps;
using IncidentHub.Core.FollowUps.Digest;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Notifications;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentHub.Tests.Core.FollowUps;

/// <summary>
/// The weekly follow-up digest: at the day and hour an admin chose, in the organisation's zone; exactly once per week
/// across a restart, two hosts and a daylight-saving change; each owner's own follow-ups (never a private incident's
/// they may not see), the admins' completion rate and oldest overdue ones; in the app and as a chat direct message.
/// </summary>
public abstract class FollowUpDigestSweeperTests(TestDatabase database) : DatabaseTest(database)
{
    private FollowUpDigestSweeper Sweeper => Harness.Get<FollowUpDigestSweeper>();

    private Task<int> DigestCountAsync(NotificationKind kind) =>
        Harness.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == kind, Ct));

    private async Task ScheduleAsync(Actor admin, DayOfWeek day, int hour, string zone = "UTC", bool enabled = true)
    {
        var service = Harness.Get<FollowUpDigestService>();
        var current = await service.GetAsync(Ct);
        await service.SaveAsync(admin, new FollowUpDigestForm { IsEnabled = enabled, Day = day, Hour = hour, TimeZoneId = zone, Version = current.Version }, Ct);
    }

    /// <summary>An admin, an owner with two follow-ups (one overdue from the start), on a standard incident.</summary>
    private async Task<(Actor Admin, Actor Owner, DeclaredIncident Incident)> OwnerWithFollowUpsAsync()
    {
        var admin = await Harness.CreateAdminAsync("Ada Admin");
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var owner = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(lead, "Checkout failing", "Major");
        var follow = Harness.Get<FollowUpService>();
        var now = Harness.Time.GetUtcNow();
        await follow.AddAsync(lead, incident.Id, new AddFollowUpRequest { Title = "Add a retry budget", OwnerId = owner.UserId, DueAt = now + TimeSpan.FromDays(1) }, Ct);
        await follow.AddAsync(lead, incident.Id, new AddFollowUpRequest { Title = "Alert on queue depth", OwnerId = owner.UserId, DueAt = now + TimeSpan.FromDays(30) }, Ct);
        return (admin, owner, incident);
    }

    private FollowUpDigestSweeper AnotherHost() => new(
        Harness.Services.GetRequiredService<IDbContextFactory<IncidentHubDbContext>>(), Harness.Time,
        [Harness.NotificationFeed], [], NullLogger<FollowUpDigestSweeper>.Instance);

    [Fact]
    public async Task AtTheChosenHour_EachOwnerGetsTheirDigest_AndAdminsTheRate_OnceThatWeek()
    {
        var (admin, owner, _) = await OwnerWithFollowUpsAsync();
        await ScheduleAsync(admin, DayOfWeek.Monday, 9);
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

        Harness.Time.SetUtcNow(monday - TimeSpan.FromSeconds(1));
        var before = await Sweeper.SweepAsync(Ct);
        Harness.Time.SetUtcNow(monday);
        var at = await Sweeper.SweepAsync(Ct);
        Harness.Time.Advance(TimeSpan.FromDays(3));
        var later = await Sweeper.SweepAsync(Ct);

        Assert.False(before.Sent);
        Assert.True(at.Sent);
        Assert.False(later.Sent);
        var mine = Assert.Single(await Harness.Notifications.GetRecentAsync(owner, cancellationToken: Ct));
        Assert.Equal(NotificationKind.FollowUpDigest, mine.Kind);
        Assert.Equal("Your follow-ups this week: 2 outstanding, 1 of them overdue.", mine.Text);
        Assert.Equal("/follow-ups?view=mine", mine.Href);
        Assert.Null(mine.IncidentId);
        Assert.Equal(1, await Harness.Notifications.CountUnreadAsync(owner, Ct));
        var admins = Assert.Single(await Harness.Notifications.GetRecentAsync(admin, cancellationToken: Ct));
        Assert.Equal("Follow-ups this week: 0% of the last 90 days' follow-ups closed (0 of 2); 1 overdue, the oldest from INC-1.", admins.Text);
        Assert.Equal(2, Harness.NotificationFeed.Notices.Count(n => n.Kind is NotificationKind.FollowUpDigest or NotificationKind.FollowUpDigestAdmin));
        Assert.Equal(["Add a retry budget", "Alert on queue depth"], Assert.Single(at.Owners).Listed.Select(l => l.Title));
    }

    [Fact]
    public async Task OncePerWeek_AcrossADaylightSavingChange_AtNineInTheOrganisationsZone()
    {
        var (admin, _, _) = await OwnerWithFollowUpsAsync();
        // London's clocks go forward at 01:00 GMT on Sunday 28 March 2027.
        Harness.Time.SetUtcNow(new DateTimeOffset(2027, 3, 14, 0, 0, 0, TimeSpan.Zero));
        await ScheduleAsync(admin, DayOfWeek.Monday, 9, "Europe/London");

        var sentAt = new List<DateTimeOffset>();
        var end = new DateTimeOffset(2027, 4, 7, 0, 0, 0, TimeSpan.Zero);
        while (Harness.Time.GetUtcNow() < end)
        {
            if ((await Sweeper.SweepAsync(Ct)).Sent)
            {
                sentAt.Add(Harness.Time.GetUtcNow());
            }

            Harness.Time.Advance(TimeSpan.FromMinutes(30));
        }

        Assert.Equal(
            [
                new DateTimeOffset(2027, 3, 15, 9, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 3, 22, 9, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 4, 5, 8, 0, 0, TimeSpan.Zero),
            ],
            sentAt);
        Assert.Equal(4, await DigestCountAsync(NotificationKind.FollowUpDigest));
        Assert.Equal(4, await DigestCountAsync(NotificationKind.FollowUpDigestAdmin));
    }

    [Fact]
    public async Task TwoHostsSweepingAtTheSameMoment_SendTheWeekOnce()
    {
        var (admin, _, _) = await OwnerWithFollowUpsAsync();
        await ScheduleAsync(admin, DayOfWeek.Monday, 9);
        var other = AnotherHost();
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        for (var week = 0; week < 3; week++)
        {
            Harness.Time.SetUtcNow(monday + TimeSpan.FromDays(7 * week));
            var results = await Task.WhenAll(Sweeper.SweepAsync(Ct), other.SweepAsync(Ct), Sweeper.SweepAsync(Ct), other.SweepAsync(Ct));

            Assert.Single(results, r => r.Sent);
            Assert.Equal(week + 1, await DigestCountAsync(NotificationKind.FollowUpDigest));
            Assert.Equal(week + 1, await DigestCountAsync(NotificationKind.FollowUpDigestAdmin));
        }
    }

    [Fact]
    public async Task ARestartedHost_DoesNotSendTheWeekAgain_AndSendsTheNextOne()
    {
        var (admin, _, _) = await OwnerWithFollowUpsAsync();
        await ScheduleAsync(admin, DayOfWeek.Monday, 9);
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        Harness.Time.SetUtcNow(monday);
        Assert.True((await Sweeper.SweepAsync(Ct)).Sent);

        await using var restarted = new ServiceHarness(Database);
        restarted.Time.SetUtcNow(monday + TimeSpan.FromMinutes(5));
        var afterRestart = await restarted.Get<FollowUpDigestSweeper>().SweepAsync(Ct);
        restarted.Time.SetUtcNow(monday + TimeSpan.FromDays(7));
        var nextWeek = await restarted.Get<FollowUpDigestSweeper>().SweepAsync(Ct);

        Assert.False(afterRestart.Sent);
        Assert.True(nextWeek.Sent);
        Assert.Equal(2, await DigestCountAsync(NotificationKind.FollowUpDigest));
    }

    [Fact]
    public async Task AHostDownAtTheHour_SendsTheWeekWhenItComesBack_AndMovingTheDayLaterThatWeekSendsNothingMore()
    {
        var (admin, _, _) = await OwnerWithFollowUpsAsync();
        await ScheduleAsync(admin, DayOfWeek.Monday, 9);
        Harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));
        var late = await Sweeper.SweepAsync(Ct);
        await ScheduleAsync(admin, DayOfWeek.Wednesday, 9);
        Harness.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var wednesday = await Sweeper.SweepAsync(Ct);
        Harness.Time.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero));
        var nextWednesday = await Sweeper.SweepAsync(Ct);

        Assert.True(late.Sent);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), late.Occurrence!.DueAt);
        Assert.False(wednesday.Sent);
        Assert.True(nextWednesday.Sent);
    }

    [Fact]
    public async Task AHostDownForADayOrMore_SkipsThatWeek_AndSendsTheNext()
    {
        var (admin, _, _) = await OwnerWithFollowUpsAsync();
        await ScheduleAsync(admin, DayOfWeek.Monday, 9);
        Harness.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var aDayLate = await Sweeper.SweepAsync(Ct);
        Harness.Time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var nextMonday = await Sweeper.SweepAsync(Ct);

        Assert.False(aDayLate.Sent);
        Assert.True(nextMonday.Sent);
        Assert.Equal(1, await DigestCountAsync(NotificationKind.FollowUpDigest));
    }

    [Fact]
    public async Task ScheduleSavedAfterThisWeeksHour_WaitsForNextWeek_AndOffSendsNothing()
    {
        var (admin, _, _) = await OwnerWithFollowUpsAsync();
        // The harness starts on Tuesday 24 November: Monday 09:00 has gone by.
        await ScheduleAsync(admin, DayOfWeek.Monday, 9);
        var tuesday = await Sweeper.SweepAsync(Ct);
        await ScheduleAsync(admin, DayOfWeek.Monday, 9, enabled: false);
        Harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var whileOff = await Sweeper.SweepAsync(Ct);

        Assert.False(tuesday.Sent);
        Assert.False(whileOff.Sent);
        Assert.Equal(0, await DigestCountAsync(NotificationKind.FollowUpDigest));
        Assert.Null((await Harness.Get<FollowUpDigestService>().GetAsync(Ct)).NextAt);
    }

    [Fact]
    public async Task APrivateIncidentsFollowUp_IsNeverNamedNorCounted_ToAnOwnerWhoIsNotAMember_InTheAppOrInChat()
    {
        await using var chat = new ServiceHarness(Database, s => s.AddChatOutbox());
        chat.Time.SetUtcNow(Harness.Time.GetUtcNow());
        var admin = await chat.CreateAdminAsync("Ada Admin");
        var lead = await chat.CreateResponderAsync("Riley Chen");
        var owner = await chat.CreateResponderAsync("Sam Okafor");
        var open = await chat.DeclareAsync(lead, "Checkout failing", "Major");
        var secret = await chat.DeclareAsync(lead, "Payroll export leaked", "Major");
        var follow = chat.Get<FollowUpService>();
        var due = chat.Time.GetUtcNow() + TimeSpan.FromDays(1);
        await follow.AddAsync(lead, open.Id, new AddFollowUpRequest { Title = "Add a retry budget", OwnerId = owner.UserId, DueAt = due }, Ct);
        await follow.AddAsync(lead, secret.Id, new AddFollowUpRequest { Title = "Rotate the payroll bucket keys", OwnerId = owner.UserId, DueAt = due }, Ct);
        // Made private after the follow-up was given: its owner holds no role and was not let in.
        await chat.Get<IncidentHub.Core.Access.IncidentAccessService>().ChangeVisibilityAsync(lead, secret.Id, IncidentVisibility.Private, Ct);
        var service = chat.Get<FollowUpDigestService>();
        await service.SaveAsync(admin, new FollowUpDigestForm { Day = DayOfWeek.Monday, Hour = 9, TimeZoneId = "UTC", Version = (await service.GetAsync(Ct)).Version }, Ct);
        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

        var result = await chat.Get<FollowUpDigestSweeper>().SweepAsync(Ct);

        var digest = Assert.Single(result.Owners);
        Assert.Equal((1, 1), (digest.Outstanding, digest.Overdue));
        Assert.Equal(["Add a retry budget"], digest.Listed.Select(l => l.Title));
        Assert.Equal("Your follow-ups this week: 1 outstanding, 1 of them overdue.", Assert.Single(await chat.Notifications.GetRecentAsync(owner, cancellationToken: Ct)).Text);
        var messages = await chat.QueryAsync(db => db.ChatOutbox.Where(o => o.Kind == ChatOperationKind.DirectMessage).Select(o => o.Payload).ToListAsync(Ct));
        var toOwner = messages.Select(ChatOperations.Deserialize<DirectMessageOperation>).Single(m => m.UserId == owner.UserId);
        Assert.Equal(["Add a retry budget"], toOwner.Links!.Select(l => l.Title));
        Assert.DoesNotContain("payroll", string.Join(" ", messages.Where(m => m.Contains(owner.UserId, StringComparison.Ordinal))), StringComparison.OrdinalIgnoreCase);
        // Admins may see every incident: theirs counts both and names the oldest overdue, private or not.
        var toAdmin = messages.Select(ChatOperations.Deserialize<DirectMessageOperation>).Single(m => m.UserId == admin.UserId);
        Assert.Equal(2, toAdmin.Links!.Count);
        Assert.Equal(2, messages.Count);
    }

    [Fact]
    public async Task WithoutAChatSystem_NoDirectMessageIsQueued()
    {
        var (admin, _, _) = await OwnerWithFollowUpsAsync();
        await ScheduleAsync(admin, DayOfWeek.Monday, 9);
        Harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

        Assert.True((await Sweeper.SweepAsync(Ct)).Sent);

        Assert.Equal(0, await Harness.QueryAsync(db => db.ChatOutbox.CountAsync(Ct)));
    }

    [Fact]
    public async Task OnlyAdminsChangeTheSchedule_ABadHourOrZoneIsRefusedByName_AndAStaleEditIsAConflict()
    {
        var admin = await Harness.CreateAdminAsync();
        var responder = await Harness.CreateResponderAsync();
        var service = Harness.Get<FollowUpDigestService>();
        var version = (await service.GetAsync(Ct)).Version;

        await Assert.ThrowsAsync<ForbiddenException>(() => service.SaveAsync(responder, new FollowUpDigestForm { Version = version }, Ct));
        var hour = await Assert.ThrowsAsync<ValidationFailedException>(() => service.SaveAsync(admin, new FollowUpDigestForm { Hour = 24, Version = version }, Ct));
        var zone = await Assert.ThrowsAsync<ValidationFailedException>(() => service.SaveAsync(admin, new FollowUpDigestForm { TimeZoneId = "Mars/Olympus", Version = version }, Ct));
        await service.SaveAsync(admin, new FollowUpDigestForm { Day = DayOfWeek.Friday, Hour = 16, TimeZoneId = "Europe/Paris", Version = version }, Ct);
        await Assert.ThrowsAsync<ConflictException>(() => service.SaveAsync(admin, new FollowUpDigestForm { Version = version }, Ct));

        Assert.Equal("Choose an hour from 0 to 23.", Assert.Single(hour.Errors[nameof(FollowUpDigestForm.Hour)]));
        Assert.Contains(nameof(FollowUpDigestForm.TimeZoneId), zone.Errors.Keys);
        var saved = await service.GetAsync(Ct);
        Assert.Equal((DayOfWeek.Friday, 16, "Europe/Paris"), (saved.Day, saved.Hour, saved.TimeZoneId));
        // Saved on Tuesday 24 November: the next is Friday 27 November, 16:00 in Paris (15:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero), saved.NextAt);
    }
}

public sealed class FollowUpDigestSweeperTests_Sqlite(SqliteTestDatabase database)
    : FollowUpDigestSweeperTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class FollowUpDigestSweeperTests_SqlServer(SqlServerTestDatabase database)
    : FollowUpDigestSweeperTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class FollowUpDigestSweeperTests_PostgreSql(PostgreSqlTestDatabase database)
    : FollowUpDigestSweeperTests(database), IClassFixture<PostgreSqlTestDatabase>;
