using System.Collections.Concurrent;
using System.Net;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Live;
using IncidentHub.Web.Replicas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace IncidentHub.Tests.Web.Replicas;

/// <summary>
/// Two replicas of the app (two hosts in this process, each with its own services, job server and Redis connection)
/// on one PostgreSQL database and one throwaway Redis, as in production behind a load balancer. The event log's
/// periodic catch-up is switched off, so whatever reaches the other replica came through Redis.
/// </summary>
public sealed class TwoReplicasTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private RedisServer _redis = null!;
    private AppFactory _a = null!;
    private AppFactory _b = null!;
    private TestUser _lead = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database.SkipIfUnavailable();
        RedisServer.SkipIfUnavailable();
        await database.ResetAsync();
        _redis = await RedisServer.StartAsync();
        _a = Replica();
        _b = Replica();
        await _a.CompleteSetupAsync();
        _lead = await _a.CreateUserAsync("Lee Lead", AppRole.Responder);
        _ = _b.Services;
    }

    private AppFactory Replica() => new(time: _clock, settings: new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:IncidentHub"] = database.ConnectionString,
        ["Redis:Configuration"] = _redis.Configuration,
        // Once a year: only Redis can carry a change to the other replica within the test.
        ["Jobs:EventCatchUpCron"] = "0 0 1 1 *",
        ["Jobs:NudgeSweepCron"] = "0 0 1 1 *",
    });

    private static ConcurrentQueue<IncidentChange> Watch(AppFactory app, int? incidentId)
    {
        var changes = new ConcurrentQueue<IncidentChange>();
        app.Get<LiveIncidentFeed>().Subscribe(incidentId, change =>
        {
            changes.Enqueue(change);
            return Task.CompletedTask;
        });
        return changes;
    }

    private Task<long> PostUpdateAsync(AppFactory on, DeclaredIncident incident, string message) =>
        on.Get<UpdateService>().PostUpdateAsync(_lead.Actor, incident.Id, new PostUpdateRequest { Message = message }, Ct);

    private static async Task<string> HealthAsync(AppFactory app)
    {
        var response = await app.AnonymousClient().GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task BothReplicas_UseRedis_AndSayItIsHealthy()
    {
        Assert.IsType<ReplicatedChangeFeed>(_a.Get<IIncidentChangeFeed>());
        Assert.IsType<ReplicatedNotificationFeed>(_b.Get<INotificationFeed>());
        Assert.IsType<ReplicatedStatusPageCache>(_a.Get<IStatusPageCache>());
        Assert.Contains("\"redis\":\"Healthy\"", await HealthAsync(_a), StringComparison.Ordinal);
        Assert.Contains("\"database\":\"Healthy\"", await HealthAsync(_b), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUpdatePostedOnB_ReachesAPageWatchingTheIncidentOnA_WithinASecond()
    {
        var incident = await _b.DeclareAsync(_lead, "Checkout is slow", lead: _lead);
        var onA = Watch(_a, incident.Id);
        var listOnA = Watch(_a, null);

        await PostUpdateAsync(_b, incident, "Rolling back the release.");

        await Eventually.TrueAsync(() => Task.FromResult(onA.Any(c => c.Kind == IncidentChangeKind.UpdatePosted && c.IncidentId == incident.Id)), Second,
            "replica A's incident page hears of the update posted on B");
        await Eventually.TrueAsync(() => Task.FromResult(listOnA.Any(c => c.Kind == IncidentChangeKind.UpdatePosted)), Second,
            "replica A's dashboard hears of it too");
        Assert.Single(onA, c => c.Kind == IncidentChangeKind.UpdatePosted);
    }

    [Fact]
    public async Task AChangeHeardFromAnotherReplica_AndAgainInTheCatchUp_ReloadsPagesOnce()
    {
        var incident = await _b.DeclareAsync(_lead, "Search is down", lead: _lead);
        var onA = Watch(_a, incident.Id);
        await PostUpdateAsync(_b, incident, "Restarting the indexer.");
        await Eventually.TrueAsync(() => Task.FromResult(!onA.IsEmpty), Second, "A hears of the update through Redis");

        // A's own catch-up of the log now reads the same event: it is not shown (or sent to B) a second time.
        await _a.Get<IncidentHub.Core.Events.EventDispatcher>().CatchUpAsync(Ct);

        Assert.Single(onA, c => c.Kind == IncidentChangeKind.UpdatePosted);
        Assert.All(onA.GroupBy(c => c.Kind), kind => Assert.Single(kind));
    }

    [Fact]
    public async Task APublicationOnB_IsOnAsStatusPage_AtOnce()
    {
        var incident = await _b.DeclareAsync(_lead, "Payments fail", lead: _lead);
        var statusOnA = await _a.AnonymousClient().GetStringAsync(new Uri("/status", UriKind.Relative), Ct);
        Assert.DoesNotContain("Card payments are failing", statusOnA, StringComparison.Ordinal);
        var received = _a.Get<ReplicaBus>().Received;

        await _b.Get<PublicationService>().PublishAsync(_lead.Actor, incident.Id, new PublicNoticeForm
        {
            Title = "Card payments are failing",
            Message = "Some card payments fail. We are on it.",
            Status = PublicStatus.Investigating,
        }, Ct);

        // The eviction reaches A within a second, well inside the cache's lifetime: the next read is fresh.
        Assert.True(IncidentHub.Web.StatusPage.OutputCachedStatusPage.Lifetime > 3 * Second);
        await Eventually.TrueAsync(() => Task.FromResult(_a.Get<ReplicaBus>().Received > received), Second, "A hears of the publication");
        var after = await _a.AnonymousClient().GetStringAsync(new Uri("/status", UriKind.Relative), Ct);
        Assert.Contains("Card payments are failing", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisStoppedAndRestarted_ReplicasSayDegraded_KeepTheirOwnPages_AndReReadOnReconnect()
    {
        var incident = await _b.DeclareAsync(_lead, "Login fails", lead: _lead);
        var onA = Watch(_a, incident.Id);
        var onB = Watch(_b, incident.Id);
        var listOnA = Watch(_a, null);

        await _redis.StopAsync();
        await Eventually.TrueAsync(async () => (await HealthAsync(_a)).Contains("\"redis\":\"Degraded\"", StringComparison.Ordinal), Wait,
            "replica A's health check says Redis is gone");
        await PostUpdateAsync(_b, incident, "Found it: an expired certificate.");

        // B's own pages still hear it at once; A's cannot until Redis is back.
        await Eventually.TrueAsync(() => Task.FromResult(onB.Any(c => c.Kind == IncidentChangeKind.UpdatePosted)), Second, "B's page hears its own update");
        Assert.DoesNotContain(onA, c => c.Kind == IncidentChangeKind.UpdatePosted);

        await _redis.StartAgainAsync();

        await Eventually.TrueAsync(() => Task.FromResult(onA.Any(c => c.Kind == IncidentChangeKind.Resynced && c.IncidentId == incident.Id)), Wait,
            "A's incident page is told to re-read once Redis is back");
        Assert.Contains(listOnA, c => c.Kind == IncidentChangeKind.Resynced);
        await Eventually.TrueAsync(async () => (await HealthAsync(_a)).Contains("\"redis\":\"Healthy\"", StringComparison.Ordinal)
            && (await HealthAsync(_b)).Contains("\"redis\":\"Healthy\"", StringComparison.Ordinal), Wait,
            "both replicas' health checks say Redis is back");
        // What A's page reads then has the update posted while Redis was away.
        var detail = await _a.Get<IncidentQueries>().GetDetailAsync(_lead.Actor, incident.Number, Ct);
        Assert.NotNull(detail?.LastUpdateAt);

        // And changes flow again.
        await PostUpdateAsync(_b, incident, "Certificate renewed.");
        await Eventually.TrueAsync(() => Task.FromResult(onA.Any(c => c.Kind == IncidentChangeKind.UpdatePosted)), Second, "A hears B's next update");
    }

    [Fact]
    public async Task ANudgeDueWhileBothReplicasSweep_IsSentOnce_AndItsToastReachesTheLeadOnEitherReplica()
    {
        var incident = await _a.DeclareAsync(_lead, "Queue backlog", lead: _lead);
        var toastsOnA = new ConcurrentQueue<NotificationNotice>();
        var toastsOnB = new ConcurrentQueue<NotificationNotice>();
        _a.Get<LiveNotificationFeed>().Subscribe(_lead.Actor.UserId, n => { toastsOnA.Enqueue(n); return Task.CompletedTask; });
        _b.Get<LiveNotificationFeed>().Subscribe(_lead.Actor.UserId, n => { toastsOnB.Enqueue(n); return Task.CompletedTask; });

        _clock.Advance(TimeSpan.FromMinutes(31));
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(_a.Get<UpdateNudgeSweeper>().SweepAsync(Ct), _b.Get<UpdateNudgeSweeper>().SweepAsync(Ct));
        }

        await using var db = await _a.Get<IDbContextFactory<IncidentHubDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.Kind == NotificationKind.UpdateDue && n.IncidentId == incident.Id, Ct));
        await Eventually.TrueAsync(() => Task.FromResult(!toastsOnA.IsEmpty && !toastsOnB.IsEmpty), Wait, "the lead's browsers on both replicas show the nudge");
        Assert.Single(toastsOnA);
        Assert.Single(toastsOnB);
    }

    [Fact]
    public async Task AReplicaBackOnTheChannel_TellsTheOthersToReRead_ThoughTheyNeverLostIt()
    {
        var incident = await _b.DeclareAsync(_lead, "Partitioned replica", lead: _lead);
        var onA = Watch(_a, incident.Id);
        var bus = _b.Get<ReplicaBus>();
        var before = _a.Get<ReplicaBus>().Resyncs;

        // Only B's subscription connection drops (a network blip on B) and comes back: A's pages must still re-read.
        await using (var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_redis.Configuration + ",allowAdmin=true"))
        {
            var server = admin.GetServer(admin.GetEndPoints().Single());
            var name = $"incidenthub-{bus.ReplicaId[..8]}";
            var clients = await server.ClientListAsync();
            var subscriber = clients.Single(c => c.Name == name && c.ClientType == StackExchange.Redis.ClientType.PubSub);
            await server.ClientKillAsync(subscriber.Id, StackExchange.Redis.ClientType.PubSub);
        }

        await Eventually.TrueAsync(() => Task.FromResult(onA.Any(c => c.Kind == IncidentChangeKind.Resynced)), Wait, "A's page is told to re-read");
        Assert.True(_a.Get<ReplicaBus>().Resyncs > before);
        Assert.True(bus.IsConnected);
    }

    [Fact]
    public async Task ASlackEventDeliveredToBothReplicas_IsStoredOnce_AndClaimedByOneOfThem()
    {
        var now = _clock.GetUtcNow();

        // Slack retries a delivery; the load balancer sends the retry to the other replica at the same moment.
        var stored = await Task.WhenAll(
            _a.Get<ChatInboxService>().AddAsync([new ChatInboxItem("Ev0REPLICAS", "message", "{}", 0, now)], Ct),
            _b.Get<ChatInboxService>().AddAsync([new ChatInboxItem("Ev0REPLICAS", "message", "{}", 1, now)], Ct));
        var claims = await Task.WhenAll(
            _a.Get<ChatInboxService>().ClaimAsync(10, TimeSpan.FromMinutes(5), Ct),
            _b.Get<ChatInboxService>().ClaimAsync(10, TimeSpan.FromMinutes(5), Ct));

        Assert.Equal(1, stored.Count(s => s[0]));
        Assert.Single(claims.SelectMany(c => c), w => w.EventId == "Ev0REPLICAS");
    }

    public async ValueTask DisposeAsync()
    {
        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
