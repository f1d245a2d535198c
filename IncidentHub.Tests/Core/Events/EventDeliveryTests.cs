using IncidentHub.Core.Chat;
using IncidentHub.Core.Events;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.Core.Chat;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.Core.Events;

/// <summary>
/// The events of a committed change reach every durable consumer exactly once: when a consumer fails (or the process
/// dies) between the commit and the dispatch, it catches up from the log after a restart; two processes catching up at
/// once share the work without doing any of it twice.
/// </summary>
public abstract class EventDeliveryTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly ChatOperationKind[] Expected =
    [
        // The declaration: channel, topic, people, first post, announcement.
        ChatOperationKind.CreateChannel, ChatOperationKind.SetTopic, ChatOperationKind.Invite, ChatOperationKind.Post, ChatOperationKind.Announce,
        // The update; then the scribe, posted and invited.
        ChatOperationKind.Post,
        ChatOperationKind.Post, ChatOperationKind.Invite,
    ];

    private Task<List<ChatOperationKind>> OutboxAsync() =>
        Harness.QueryAsync(db => db.ChatOutbox.OrderBy(o => o.Id).Select(o => o.Kind).ToListAsync(Ct));

    /// <summary>Stands in for the chat outbox consumer in a process where it fails on every event.</summary>
    private sealed class BrokenChatConsumer : IEventConsumer
    {
        public int Calls { get; private set; }

        public string Name => "chat-outbox";

        public bool IsDurable => true;

        public Task HandleAsync(EventBatch batch, CancellationToken cancellationToken)
        {
            Calls++;
            throw new InvalidOperationException("The process died here.");
        }
    }

    private async Task<(IncidentHub.Core.Common.Actor Riley, IncidentHub.Core.Common.Actor Sam)> WorkInABrokenProcessAsync(BrokenChatConsumer broken)
    {
        await using var before = new ServiceHarness(Database, s => s.AddSingleton<IEventConsumer>(broken));
        var riley = await before.CreateResponderAsync("Riley Chen");
        var sam = await before.CreateResponderAsync("Sam Okafor");
        var incident = await before.DeclareAsync(riley, "Checkout failing");
        // Each change's dispatch fails for the chat consumer (it backs off, then fails again).
        before.Time.Advance(TimeSpan.FromMinutes(10));
        await before.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Found the bad deploy." }, Ct);
        before.Time.Advance(TimeSpan.FromMinutes(10));
        await before.Roles.AssignAsync(riley, incident.Id, await before.RoleIdAsync(IncidentRoleKind.Scribe), sam.UserId, null, Ct);
        Assert.Equal(3, broken.Calls);
        Assert.Equal(1, await before.QueryAsync(db => db.Notifications.CountAsync(Ct)));
        return (riley, sam);
    }

    [Fact]
    public async Task AConsumerThatFailedBeforeARestart_CatchesUpFromTheLog_AndEveryEventIsDeliveredOnce()
    {
        var broken = new BrokenChatConsumer();
        await WorkInABrokenProcessAsync(broken);
        Assert.Empty(await OutboxAsync());

        // The restart: the real consumer, its position where the broken one left it.
        await using var after = new ServiceHarness(Database, s => s.AddChatOutbox());
        var handled = await after.Get<EventDispatcher>().CatchUpAsync(Ct);
        var again = await after.Get<EventDispatcher>().CatchUpAsync(Ct);

        // The chat consumer's three events, and the same three again for the post-incident task consumer: they changed
        // nothing for it, so it saved no position of its own for them (EventDispatcher.MaxUnsavedEvents) and reads them
        // again after the restart, changing nothing again.
        Assert.Equal(3 + 3, handled);
        Assert.Equal(0, again);
        Assert.Equal(Expected, await OutboxAsync());
        Assert.Equal(1, await Harness.QueryAsync(db => db.Notifications.CountAsync(Ct)));
        // Live consumers start from now: nobody is told about the past after a restart.
        Assert.Empty(after.Feed.Changes);
    }

    [Fact]
    public async Task TwoProcessesCatchingUpAtOnce_DeliverEachEventOnce()
    {
        await WorkInABrokenProcessAsync(new BrokenChatConsumer());
        await using var first = new ServiceHarness(Database, s => s.AddChatOutbox());
        await using var second = new ServiceHarness(Database, s => s.AddChatOutbox());

        await Task.WhenAll(
            Task.Run(() => first.Get<EventDispatcher>().CatchUpAsync(Ct), Ct),
            Task.Run(() => second.Get<EventDispatcher>().CatchUpAsync(Ct), Ct));

        Assert.Equal(Expected, await OutboxAsync());
    }

    /// <summary>A durable consumer with effects for updates only: a notification to the one who posted it.</summary>
    private sealed class UpdatesOnlyConsumer : IEventConsumer
    {
        public int Seen { get; private set; }

        public string Name => "updates-only";

        public bool IsDurable => true;

        public Task HandleAsync(EventBatch batch, CancellationToken cancellationToken)
        {
            Seen += batch.Events.Count;
            foreach (var e in batch.Events.Where(e => e.Event is UpdatePosted))
            {
                batch.Db.Notifications.Add(new IncidentHub.Core.Notifications.Notification(
                    e.ActorId!, IncidentHub.Core.Notifications.NotificationKind.UpdateDue, e.IncidentId, e.OccurredAt, "update"));
            }

            return Task.CompletedTask;
        }
    }

    private Task<long> StoredPositionAsync(string name) =>
        Harness.QueryAsync(db => db.EventConsumers.Where(c => c.Name == name).Select(c => c.Position).SingleAsync(Ct));

    private Task<long> HeadAsync() => Harness.QueryAsync(db => db.EventLog.MaxAsync(e => e.Sequence, Ct));

    [Fact]
    public async Task ABatchThatChangesNothing_WritesNoPosition_ItIsSavedWithTheNextEffects_AndARestartRedoesNothing()
    {
        var consumer = new UpdatesOnlyConsumer();
        await using var before = new ServiceHarness(Database, s => s.AddSingleton<IEventConsumer>(consumer));
        var riley = await before.CreateResponderAsync("Riley Chen");
        var incident = await before.DeclareAsync(riley, "Checkout failing");
        var registered = await StoredPositionAsync(consumer.Name);

        // The declaration changes nothing for this consumer: it was handed the events, its stored position stays.
        Assert.True(consumer.Seen > 0);
        Assert.True(await HeadAsync() > registered);

        await before.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Found the bad deploy." }, Ct);
        Assert.Equal(await HeadAsync(), await StoredPositionAsync(consumer.Name));

        var critical = await before.SeverityIdAsync("Critical");
        var major = await before.SeverityIdAsync("Major");
        await before.Incidents.ChangeSeverityAsync(riley, incident.Id, major, critical, Ct);
        var afterUpdate = await StoredPositionAsync(consumer.Name);
        Assert.True(await HeadAsync() > afterUpdate);

        // A restart hands the trailing events to the consumer again; they change nothing the second time either.
        var restarted = new UpdatesOnlyConsumer();
        await using var after = new ServiceHarness(Database, s => s.AddSingleton<IEventConsumer>(restarted));
        var handled = await after.Get<EventDispatcher>().CatchUpAsync(Ct);

        // Only the severity change trailed the stored position.
        Assert.True(handled >= 1);
        Assert.Equal(1, restarted.Seen);
        Assert.Equal(1, await Harness.QueryAsync(db => db.Notifications.CountAsync(n => n.Detail == "update", Ct)));
    }

    [Fact]
    public async Task AFailingConsumer_DoesNotStopTheOthers_NorTheChange()
    {
        var broken = new BrokenChatConsumer();
        await using var harness = new ServiceHarness(Database, s => s.AddSingleton<IEventConsumer>(broken));
        var riley = await harness.CreateResponderAsync();

        var incident = await harness.DeclareAsync(riley);

        Assert.Equal(incident.Id, Assert.Single(harness.Feed.Changes).IncidentId);
        var status = harness.Get<EventDispatcher>().Status.Single(s => s.Name == "chat-outbox");
        Assert.Equal((1, 0L), (status.Failures, status.Position));
    }
}

public sealed class EventDeliveryTests_Sqlite(SqliteTestDatabase database)
    : EventDeliveryTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class EventDeliveryTests_SqlServer(SqlServerTestDatabase database)
    : EventDeliveryTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class EventDeliveryTests_PostgreSql(PostgreSqlTestDatabase database)
    : EventDeliveryTests(database), IClassFixture<PostgreSqlTestDatabase>;
