using IncidentHub.Core.Chat;
using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static IncidentHub.Tests.Core.Chat.ChatTestData;

namespace IncidentHub.Tests.Core.Chat;

public abstract class ChatInboxServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private ChatInboxService Inbox => Harness.Get<ChatInboxService>();

    private ChatInboxItem Item(string eventId, int retry = 0) =>
        new(eventId, "message", "{\"event_id\":\"" + eventId + "\"}", retry, Harness.Time.GetUtcNow());

    [Fact]
    public async Task Add_StoresEachEventOnce_HoweverOftenItIsDelivered()
    {
        var first = await Inbox.AddAsync([Item("Ev1"), Item("Ev2"), Item("Ev1", retry: 1)], Ct);
        var retried = await Inbox.AddAsync([Item("Ev2", retry: 2), Item("Ev3")], Ct);

        Assert.Equal([true, true, false], first);
        Assert.Equal([false, true], retried);
        Assert.Equal(["Ev1", "Ev2", "Ev3"], await Harness.QueryAsync(db => db.ChatInbox.OrderBy(i => i.Id).Select(i => i.EventId).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Add_WhenAnotherProcessStoredOneOfThemFirst_StoresTheRest()
    {
        Harness.Database.SaveHook.BeforeNextSave(async () => await Inbox.AddAsync([Item("Ev2")], Ct));

        var results = await Inbox.AddAsync([Item("Ev1"), Item("Ev2"), Item("Ev3")], Ct);

        Assert.Equal([true, false, true], results);
        Assert.Equal(3, await Harness.QueryAsync(db => db.ChatInbox.CountAsync(Ct)));
    }

    [Fact]
    public async Task Claim_TakesOldestFirst_OnceUnderALease_AndAgainWhenTheLeaseRunsOut()
    {
        await Inbox.AddAsync([Item("Ev1"), Item("Ev2"), Item("Ev3")], Ct);

        var first = await Inbox.ClaimAsync(2, Lease, Ct);
        var second = await Inbox.ClaimAsync(2, Lease, Ct);
        Harness.Time.Advance(Lease);
        var afterCrash = await Inbox.ClaimAsync(5, Lease, Ct);

        Assert.Equal(["Ev1", "Ev2"], first.Select(w => w.EventId));
        Assert.Equal(["Ev3"], second.Select(w => w.EventId));
        Assert.Equal(["Ev1", "Ev2", "Ev3"], afterCrash.Select(w => w.EventId));
        Assert.Equal([2, 2, 2], afterCrash.Select(w => w.Attempts));
    }

    [Fact]
    public async Task Complete_DropsThePayload_AndRetriesUntilOutOfAttempts()
    {
        await Inbox.AddAsync([Item("Ev1"), Item("Ev2")], Ct);
        var batch = await Inbox.ClaimAsync(2, Lease, Ct);
        await Inbox.CompleteAsync(batch[0].LeaseToken,
            [new ChatInboxResult(batch[0].Id, ChatInboxStatus.Done), new ChatInboxResult(batch[1].Id, ChatInboxStatus.Pending, "DbUpdateException", Harness.Time.GetUtcNow())], Ct);
        for (var i = 1; i < ChatInboxItem.MaxAttempts; i++)
        {
            var retry = Assert.Single(await Inbox.ClaimAsync(2, Lease, Ct));
            await Inbox.CompleteAsync(retry.LeaseToken, [new ChatInboxResult(retry.Id, ChatInboxStatus.Pending, "DbUpdateException", Harness.Time.GetUtcNow())], Ct);
        }

        var rows = await Harness.QueryAsync(db => db.ChatInbox.OrderBy(i => i.Id).ToListAsync(Ct));
        Assert.Equal((ChatInboxStatus.Done, (string?)null), (rows[0].Status, rows[0].Payload));
        Assert.Equal(ChatInboxStatus.Failed, rows[1].Status);
        Assert.NotNull(rows[1].Payload);
        Assert.Empty(await Inbox.ClaimAsync(2, Lease, Ct));
        var summary = await Inbox.SummaryAsync(Ct);
        Assert.Equal((0, 1, 1), (summary.Pending, summary.Done, summary.Failed));
    }

    [Fact]
    public async Task Complete_WithALostLease_ChangesNothing()
    {
        await Inbox.AddAsync([Item("Ev1")], Ct);
        var stale = Assert.Single(await Inbox.ClaimAsync(1, Lease, Ct));
        Harness.Time.Advance(Lease);
        Assert.Single(await Inbox.ClaimAsync(1, Lease, Ct));

        await Inbox.CompleteAsync(stale.LeaseToken, [new ChatInboxResult(stale.Id, ChatInboxStatus.Done)], Ct);

        Assert.Equal(ChatInboxStatus.Pending, await Harness.QueryAsync(db => db.ChatInbox.Select(i => i.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task AFailedEvent_IsRetriedByAnAdminOnly()
    {
        var admin = await Harness.CreateAdminAsync();
        var responder = await Harness.CreateResponderAsync();
        await Inbox.AddAsync([Item("Ev1")], Ct);
        var work = Assert.Single(await Inbox.ClaimAsync(1, Lease, Ct));
        await Inbox.CompleteAsync(work.LeaseToken, [new ChatInboxResult(work.Id, ChatInboxStatus.Failed, "broken")], Ct);

        await Assert.ThrowsAsync<ForbiddenException>(() => Inbox.RetryAsync(responder, work.Id, Ct));
        await Inbox.RetryAsync(admin, work.Id, Ct);

        Assert.Single(await Inbox.ClaimAsync(1, Lease, Ct));
    }

    [Fact]
    public async Task AHandledInteraction_IsRecognisedWhenRepeated_UnlessForgotten()
    {
        var first = await Inbox.TryRecordHandledAsync("view_submission:V1", "view_submission", Ct);
        var repeat = await Inbox.TryRecordHandledAsync("view_submission:V1", "view_submission", Ct);
        await Inbox.ForgetAsync("view_submission:V1", Ct);
        var afterForget = await Inbox.TryRecordHandledAsync("view_submission:V1", "view_submission", Ct);

        Assert.Equal((true, false, true), (first, repeat, afterForget));
        Assert.Empty(await Inbox.ClaimAsync(5, Lease, Ct));
    }

    [Fact]
    public async Task Purge_RemovesOnlyOldAppliedEvents()
    {
        await Inbox.AddAsync([Item("Old"), Item("Waiting")], Ct);
        var old = (await Inbox.ClaimAsync(1, Lease, Ct)).Single();
        await Inbox.CompleteAsync(old.LeaseToken, [new ChatInboxResult(old.Id, ChatInboxStatus.Done)], Ct);
        Harness.Time.Advance(ChatInboxService.Retention + TimeSpan.FromMinutes(1));
        await Inbox.AddAsync([Item("Recent")], Ct);

        var purged = await Inbox.PurgeAsync(Ct);

        Assert.Equal(1, purged);
        Assert.Equal(["Waiting", "Recent"], await Harness.QueryAsync(db => db.ChatInbox.OrderBy(i => i.Id).Select(i => i.EventId).ToListAsync(Ct)));
    }
}

public sealed class ChatInboxServiceTests_Sqlite(SqliteTestDatabase database)
    : ChatInboxServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ChatInboxServiceTests_SqlServer(SqlServerTestDatabase database)
    : ChatInboxServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class ChatInboxServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : ChatInboxServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
