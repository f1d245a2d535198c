using System.Collections.Concurrent;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Data;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Chat;

/// <summary>
/// PostgreSQL's claims of the chat inbox and outbox (<c>FOR UPDATE SKIP LOCKED</c>): a row another worker holds is
/// skipped, not waited for, and two workers claiming at once never take the same row.
/// </summary>
public abstract class ConcurrentClaimTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private ChatInboxService Inbox => Harness.Get<ChatInboxService>();

    private ChatOutboxService Outbox => Harness.Get<ChatOutboxService>();

    private ChatInboxItem Item(string eventId) => new(eventId, "message", "{\"event_id\":\"" + eventId + "\"}", 0, Harness.Time.GetUtcNow());

    [Fact]
    public async Task InboxClaim_SkipsARowAnotherWorkerHasLocked_InsteadOfWaitingForIt()
    {
        await Inbox.AddAsync([Item("Ev1"), Item("Ev2"), Item("Ev3")], Ct);
        await using var other = await Harness.Get<IDbContextFactory<IncidentHubDbContext>>().CreateDbContextAsync(Ct);
        var first = await other.ChatInbox.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(Ct);
        // Another worker's open transaction holding the oldest row's lock (plain ADO.NET: EF's retrying strategy refuses user transactions).
        var connection = other.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT 1 FROM \"ChatInbox\" WHERE \"Id\" = {first} FOR UPDATE";
            await command.ExecuteNonQueryAsync(Ct);
        }

        // Without SKIP LOCKED this claim would wait for the other transaction: the timeout turns that into a failure.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var claimed = await Inbox.ClaimAsync(10, Lease, timeout.Token);

        Assert.Equal(["Ev2", "Ev3"], claimed.Select(w => w.EventId));
        await transaction.RollbackAsync(Ct);
        Assert.Equal(["Ev1"], (await Inbox.ClaimAsync(10, Lease, Ct)).Select(w => w.EventId));
    }

    [Fact]
    public async Task InboxClaim_TwoWorkersAtOnce_NeverTakeTheSameRow_AndLeaveNoneBehind()
    {
        await Inbox.AddAsync([.. Enumerable.Range(1, 300).Select(i => Item($"Ev{i}"))], Ct);
        var taken = new ConcurrentBag<long>();

        async Task WorkAsync()
        {
            while ((await Inbox.ClaimAsync(7, Lease, Ct)) is { Count: > 0 } batch)
            {
                foreach (var work in batch)
                {
                    taken.Add(work.Id);
                }
            }
        }

        await Task.WhenAll(Task.Run(WorkAsync, Ct), Task.Run(WorkAsync, Ct));

        Assert.Equal(300, taken.Count);
        Assert.Equal(300, taken.Distinct().Count());
    }

    [Fact]
    public async Task OutboxClaim_TwoWorkersAtOnce_NeverTakeTheSameRow_AndKeepEachLaneInOrder()
    {
        var responder = await Harness.CreateResponderAsync();
        var incidents = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            incidents.Add((await Harness.DeclareAsync(responder, $"Lane {i}")).Id);
        }

        await using (var db = await Harness.Get<IDbContextFactory<IncidentHubDbContext>>().CreateDbContextAsync(Ct))
        {
            // Only the rows this test queues (declaring may queue some of its own when chat is on).
            await db.ChatOutbox.ExecuteDeleteAsync(Ct);
        }

        foreach (var round in Enumerable.Range(1, 10))
        {
            foreach (var incident in incidents)
            {
                await Outbox.EnqueueAsync(incident, ChatOperationKind.Post, new PostOperation($"{incident}:{round}"), Ct);
            }
        }

        var taken = new ConcurrentBag<(long Id, int? Lane)>();
        var outOfOrder = new ConcurrentBag<long>();

        async Task WorkAsync()
        {
            while ((await Outbox.ClaimAsync(4, Lease, Ct)) is { Count: > 0 } batch)
            {
                foreach (var work in batch)
                {
                    taken.Add((work.Id, work.IncidentId));
                    // A lane's row is claimed only once every earlier row of that lane is done.
                    await using var db = await Harness.Get<IDbContextFactory<IncidentHubDbContext>>().CreateDbContextAsync(Ct);
                    if (await db.ChatOutbox.AnyAsync(o => o.IncidentId == work.IncidentId && o.Id < work.Id && o.Status != ChatOutboxStatus.Sent, Ct))
                    {
                        outOfOrder.Add(work.Id);
                    }

                    Assert.True(await Outbox.CompleteAsync(work, cancellationToken: Ct), $"Lease on {work.Id} lost");
                }
            }
        }

        await Task.WhenAll(Task.Run(WorkAsync, Ct), Task.Run(WorkAsync, Ct));

        Assert.Equal(60, taken.Count);
        Assert.Equal(60, taken.Select(t => t.Id).Distinct().Count());
        Assert.Empty(outOfOrder);
        Assert.Equal(6, taken.Select(t => t.Lane).Distinct().Count());
    }
}

public sealed class ConcurrentClaimTests_PostgreSql(PostgreSqlTestDatabase database)
    : ConcurrentClaimTests(database), IClassFixture<PostgreSqlTestDatabase>;
