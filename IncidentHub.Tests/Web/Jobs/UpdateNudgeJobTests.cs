using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Notifications;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace IncidentHub.Tests.Web.Jobs;

/// <summary>
/// The nudge sweep under a real Hangfire server in the test process. The app's clock is fake (the update falls due
/// when the test says so); Hangfire runs the recurring sweep every second of real time.
/// </summary>
public sealed class UpdateNudgeJobTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly Dictionary<string, string?> EverySecond = new() { ["Jobs:NudgeSweepCron"] = "*/1 * * * * *" };

    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    private static async Task<int> UpdateDueNotificationsAsync(AppFactory app)
    {
        await using var db = await app.Get<IDbContextFactory<IncidentHubDbContext>>().CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.Kind == NotificationKind.UpdateDue);
    }

    [Fact]
    public async Task TheRecurringSweep_RunsInHangfire_AndNudgesTheLead()
    {
        var clock = NewClock();
        await using var app = new AppFactory(time: clock, settings: EverySecond);
        await app.CompleteSetupAsync();
        var lead = await app.CreateUserAsync("Lee Lead", AppRole.Responder);
        await app.DeclareAsync(lead, "Search is down");
        var monitor = app.Get<NudgeSweepMonitor>();
        await Eventually.TrueAsync(() => Task.FromResult(monitor.Sweeps > 0), Wait, "Hangfire has run the sweep once");
        Assert.Equal(0, await UpdateDueNotificationsAsync(app));

        clock.Advance(TimeSpan.FromMinutes(30));

        await Eventually.TrueAsync(async () => await UpdateDueNotificationsAsync(app) == 1, Wait, "the lead has been nudged");
        Assert.Equal(1, await app.Get<NotificationService>().CountUnreadAsync(lead.Actor, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ANewHost_AfterACrash_SendsTheNudgeThatFellDueWhileItWasDown()
    {
        var clock = NewClock();
        var database = AppFactory.NewDatabasePath();
        try
        {
            TestUser lead;
            await using (var before = new AppFactory(time: clock, databasePath: database, settings: EverySecond))
            {
                await before.CompleteSetupAsync();
                lead = await before.CreateUserAsync("Lee Lead", AppRole.Responder);
                await before.DeclareAsync(lead, "Search is down");
            }

            // Down for 45 minutes: the update fell due at 30.
            clock.Advance(TimeSpan.FromMinutes(45));
            await using var after = new AppFactory(time: clock, databasePath: database, settings: EverySecond);
            var monitor = after.Get<NudgeSweepMonitor>();

            await Eventually.TrueAsync(async () => await UpdateDueNotificationsAsync(after) == 1, Wait, "the new host has sent the missed nudge");
            var sweeps = monitor.Sweeps;
            await Eventually.TrueAsync(() => Task.FromResult(monitor.Sweeps >= sweeps + 3), Wait, "three more sweeps have run");
            Assert.Equal(1, await UpdateDueNotificationsAsync(after));
        }
        finally
        {
            AppFactory.DeleteDatabase(database);
        }
    }

    [Fact]
    public async Task TwoHosts_OnOneDatabase_SendOneNudgeNotTwo()
    {
        var clock = NewClock();
        var database = AppFactory.NewDatabasePath();
        try
        {
            await using var first = new AppFactory(time: clock, databasePath: database, settings: EverySecond);
            await first.CompleteSetupAsync();
            await using var second = new AppFactory(time: clock, databasePath: database, settings: EverySecond);
            var lead = await first.CreateUserAsync("Lee Lead", AppRole.Responder);
            for (var i = 1; i <= 5; i++)
            {
                await first.DeclareAsync(lead, $"Incident {i}");
            }

            var (firstSweeps, secondSweeps) = (first.Get<NudgeSweepMonitor>(), second.Get<NudgeSweepMonitor>());
            await Eventually.TrueAsync(() => Task.FromResult(firstSweeps.Sweeps > 0 && secondSweeps.Sweeps > 0), Wait, "both hosts are sweeping");
            var (a, b) = (firstSweeps.Sweeps, secondSweeps.Sweeps);

            clock.Advance(TimeSpan.FromMinutes(30));

            await Eventually.TrueAsync(() => Task.FromResult(firstSweeps.Sweeps >= a + 3 && secondSweeps.Sweeps >= b + 3), Wait,
                "both hosts have swept several times since the updates fell due");
            Assert.Equal(5, await UpdateDueNotificationsAsync(first));
            Assert.Equal(5, firstSweeps.Nudges + secondSweeps.Nudges);
        }
        finally
        {
            AppFactory.DeleteDatabase(database);
        }
    }
}
