using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Chat;

/// <summary>
/// The durable outbox of calls to a chat system. Calls for one incident form a lane and leave in order: a worker may
/// only claim the oldest pending call of a lane, and the next one becomes claimable only once that call is recorded as
/// sent, failed or skipped. A claim is a lease in the database, so two workers (or two processes) never make the same
/// call at once; a worker marks a call "in flight" just before making it, so a later claim can tell that the outcome of
/// an earlier try is unknown and check before repeating it.
/// </summary>
public sealed partial class ChatOutboxService(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time, ILogger<ChatOutboxService> logger)
{
    /// <summary>Refusals and rate limits tolerated before a call is marked failed (outages do not count).</summary>
    public const int MaxAttempts = 8;

    /// <summary>Adds a call to <paramref name="db"/>'s unit of work, in incident <paramref name="incidentId"/>'s lane.</summary>
    internal static void Enqueue<T>(IncidentHubDbContext db, int incidentId, ChatOperationKind kind, T operation, DateTimeOffset now) =>
        db.ChatOutbox.Add(new ChatOutboxItem(null, incidentId, kind, ChatOperations.Serialize(operation), now));

    /// <summary>Queues a call on its own (a nudge, a test message). <paramref name="incidentId"/> null: the workspace lane.</summary>
    public async Task<long> EnqueueAsync<T>(int? incidentId, ChatOperationKind kind, T operation, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = new ChatOutboxItem(null, incidentId, kind, ChatOperations.Serialize(operation), time.GetUtcNow());
        db.ChatOutbox.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }

    /// <summary>Queues a test message in the workspace lane (admins only).</summary>
    public Task<long> EnqueueTestMessageAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        return EnqueueAsync(null, ChatOperationKind.Post,
            new PostOperation($"Test message from IncidentHub, sent by {actor.DisplayName}.", "If you can read this, IncidentHub can post here."),
            cancellationToken);
    }

    /// <summary>
    /// Claims the head of up to <paramref name="maxLanes"/> lanes whose head is due, oldest first, for
    /// <paramref name="lease"/>. A lane whose head waits (for a retry, or under another worker's lease) stays blocked.
    /// </summary>
    public async Task<IReadOnlyList<ChatOutboxWork>> ClaimAsync(int maxLanes, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcTicks;
        var until = now + lease.Ticks;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (ChatClaimSql.SkipsLockedRows(db))
        {
            // PostgreSQL: one statement, heads another worker is claiming right now skipped (ChatClaimSql). The rows
            // share one lease token; every later step names the row's id with it.
            var batch = Guid.NewGuid().ToString("N");
            await db.Database.ExecuteSqlRawAsync(ChatClaimSql.OutboxClaim(db), [batch, until, nameof(ChatOutboxStatus.Pending), now, maxLanes], cancellationToken);
            return await db.ChatOutbox.AsNoTracking()
                .Where(o => o.LeaseToken == batch)
                .OrderBy(o => o.Id)
                .Select(o => new ChatOutboxWork(o.Id, batch, o.IncidentId, o.Kind, o.Payload, o.Attempts, o.InFlightSince != null, o.CreatedAt))
                .ToListAsync(cancellationToken);
        }

        var heads = await db.ChatOutbox.AsNoTracking()
            .Where(o => o.Status == ChatOutboxStatus.Pending)
            .Where(o => !db.ChatOutbox.Any(p => p.Status == ChatOutboxStatus.Pending && p.IncidentId == o.IncidentId && p.Id < o.Id))
            .Where(o => o.NextAttemptAtTicks <= now && o.LeaseUntilTicks <= now)
            .OrderBy(o => o.Id)
            .Take(maxLanes)
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);

        var claimed = new List<ChatOutboxWork>(heads.Count);
        foreach (var id in heads)
        {
            var token = Guid.NewGuid().ToString("N");
            var won = await db.ChatOutbox
                .Where(o => o.Id == id && o.Status == ChatOutboxStatus.Pending && o.LeaseUntilTicks <= now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.LeaseToken, token)
                    .SetProperty(o => o.LeaseUntilTicks, until), cancellationToken);
            if (won == 1)
            {
                claimed.Add(await db.ChatOutbox.AsNoTracking()
                    .Where(o => o.Id == id)
                    .Select(o => new ChatOutboxWork(o.Id, token, o.IncidentId, o.Kind, o.Payload, o.Attempts, o.InFlightSince != null, o.CreatedAt))
                    .SingleAsync(cancellationToken));
            }
        }

        return claimed;
    }

    /// <summary>Records that the call is about to be made: from here on, its outcome is unknown until recorded.</summary>
    public Task<bool> MarkInFlightAsync(ChatOutboxWork work, CancellationToken cancellationToken = default) =>
        UpdateAsync(work, s => s.SetProperty(o => o.InFlightSince, time.GetUtcNow()), cancellationToken);

    /// <summary>The chat system accepted the call (<paramref name="resultId"/>: what it returned, e.g. a message id).</summary>
    public Task<bool> CompleteAsync(ChatOutboxWork work, string? resultId = null, CancellationToken cancellationToken = default) =>
        FinishAsync(work, ChatOutboxStatus.Sent, null, resultId, cancellationToken);

    /// <summary>The call is no longer needed.</summary>
    public Task<bool> SkipAsync(ChatOutboxWork work, string reason, CancellationToken cancellationToken = default) =>
        FinishAsync(work, ChatOutboxStatus.Skipped, reason, null, cancellationToken);

    /// <summary>The chat system refused the call for good; an admin may retry it.</summary>
    public async Task<bool> FailAsync(ChatOutboxWork work, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        LogFailed(logger, work.Id, work.Kind, error);
        var now = time.GetUtcNow();
        return await UpdateAsync(work, s => s
            .SetProperty(o => o.Status, ChatOutboxStatus.Failed)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1)
            .SetProperty(o => o.LastError, error)
            .SetProperty(o => o.CompletedAt, now)
            .SetProperty(o => o.InFlightSince, (DateTimeOffset?)null)
            .SetProperty(o => o.LeaseToken, (string?)null)
            .SetProperty(o => o.LeaseUntilTicks, 0L), cancellationToken);
    }

    /// <summary>
    /// Try again at <paramref name="at"/>. <paramref name="countsAsAttempt"/>: the chat system refused or rate-limited
    /// the call (after <see cref="MaxAttempts"/> such tries it fails); an outage or waiting for the channel does not
    /// count. <paramref name="outcomeKnown"/> false: the call may have gone through (a timeout), check before repeating.
    /// </summary>
    public async Task<bool> RetryLaterAsync(ChatOutboxWork work, DateTimeOffset at, string reason, bool countsAsAttempt, bool outcomeKnown = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var ticks = at.UtcTicks;
        var add = countsAsAttempt ? 1 : 0;
        var clearInFlight = outcomeKnown;
        return await UpdateAsync(work, s => s
            .SetProperty(o => o.Attempts, o => o.Attempts + add)
            .SetProperty(o => o.Status, o => o.Attempts + add >= MaxAttempts ? ChatOutboxStatus.Failed : ChatOutboxStatus.Pending)
            .SetProperty(o => o.NextAttemptAtTicks, ticks)
            .SetProperty(o => o.LastError, reason)
            .SetProperty(o => o.InFlightSince, o => clearInFlight ? null : o.InFlightSince)
            .SetProperty(o => o.LeaseToken, (string?)null)
            .SetProperty(o => o.LeaseUntilTicks, 0L), cancellationToken);
    }

    /// <summary>Records what the adapter decided after a try (<see cref="Outbox.ChatOutboxPolicy"/>).</summary>
    /// <returns>False when the lease was lost (another worker holds the call now).</returns>
    public Task<bool> RecordAsync(ChatOutboxWork work, Outbox.ChatOutboxDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Action switch
        {
            Outbox.ChatOutboxAction.Complete => CompleteAsync(work, decision.ResultId, cancellationToken),
            Outbox.ChatOutboxAction.Skip => SkipAsync(work, decision.Reason ?? "not needed", cancellationToken),
            Outbox.ChatOutboxAction.Fail => FailAsync(work, decision.Reason ?? "refused", cancellationToken),
            Outbox.ChatOutboxAction.Retry => RetryLaterAsync(work, decision.At ?? time.GetUtcNow(), decision.Reason ?? "", decision.CountsAsAttempt, decision.OutcomeKnown, cancellationToken),
            _ => Task.FromResult(false),
        };
    }

    /// <summary>Whether a later call of the same kind waits in the same lane (so this one can be skipped).</summary>
    public async Task<bool> HasLaterPendingAsync(ChatOutboxWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatOutbox.AnyAsync(o => o.IncidentId == work.IncidentId && o.Kind == work.Kind
            && o.Status == ChatOutboxStatus.Pending && o.Id > work.Id, cancellationToken);
    }

    /// <summary>When the next pending call becomes due (for a worker deciding whether to wait for it); null when none.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticks = await db.ChatOutbox.AsNoTracking()
            .Where(o => o.Status == ChatOutboxStatus.Pending)
            .Select(o => (long?)(o.NextAttemptAtTicks > o.LeaseUntilTicks ? o.NextAttemptAtTicks : o.LeaseUntilTicks))
            .MinAsync(cancellationToken);
        return ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
    }

    /// <summary>Pending and failed calls, oldest first, for the admin page.</summary>
    public async Task<IReadOnlyList<ChatOutboxView>> ListOpenAsync(int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatOutbox.AsNoTracking()
            .Where(o => (o.Status == ChatOutboxStatus.Pending || o.Status == ChatOutboxStatus.Failed))
            .OrderBy(o => o.Id)
            .Take(take)
            .Select(o => new ChatOutboxView(o.Id, o.IncidentId, o.Incident != null ? o.Incident.Number : null, o.Kind, o.Status, o.Attempts,
                o.NextAttemptAtTicks, o.LastError, o.CreatedAt, o.InFlightSince != null))
            .ToListAsync(cancellationToken);
    }

    public async Task<ChatOutboxSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.ChatOutbox.AsNoTracking()
            .GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(ChatOutboxStatus status) => counts.SingleOrDefault(c => c.Status == status)?.Count ?? 0;
        return new ChatOutboxSummary(Count(ChatOutboxStatus.Pending), Count(ChatOutboxStatus.Failed), Count(ChatOutboxStatus.Sent));
    }

    /// <summary>Puts a failed call back in its lane, where it goes out in its original place (admins only).</summary>
    public async Task RetryAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        var now = time.GetUtcNow().UtcTicks;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.ChatOutbox
            .Where(o => o.Id == id && o.Status == ChatOutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, ChatOutboxStatus.Pending)
                .SetProperty(o => o.Attempts, 0)
                .SetProperty(o => o.NextAttemptAtTicks, now)
                .SetProperty(o => o.LeaseToken, (string?)null)
                .SetProperty(o => o.LeaseUntilTicks, 0L), cancellationToken);
        if (changed == 0)
        {
            throw new NotFoundException("That call is no longer waiting for a retry.");
        }
    }

    private Task<bool> FinishAsync(ChatOutboxWork work, ChatOutboxStatus status, string? error, string? resultId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var now = time.GetUtcNow();
        return UpdateAsync(work, s => s
            .SetProperty(o => o.Status, status)
            .SetProperty(o => o.LastError, error)
            .SetProperty(o => o.ResultId, resultId)
            .SetProperty(o => o.CompletedAt, now)
            .SetProperty(o => o.InFlightSince, (DateTimeOffset?)null)
            .SetProperty(o => o.LeaseToken, (string?)null)
            .SetProperty(o => o.LeaseUntilTicks, 0L), cancellationToken);
    }

    /// <returns>False when the lease was lost (another worker holds the call now).</returns>
    private async Task<bool> UpdateAsync(
        ChatOutboxWork work,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ChatOutboxItem>> setters,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.ChatOutbox
            .Where(o => o.Id == work.Id && o.LeaseToken == work.LeaseToken)
            .ExecuteUpdateAsync(setters, cancellationToken);
        if (changed == 0)
        {
            LogLeaseLost(logger, work.Id);
        }

        return changed == 1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox call {Id} ({Kind}) failed: {Error}")]
    private static partial void LogFailed(ILogger logger, long id, ChatOperationKind kind, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox call {Id}: the lease ran out before the outcome was recorded")]
    private static partial void LogLeaseLost(ILogger logger, long id);
}

/// <summary>
/// A claimed call. <see cref="PreviousTryUnknown"/>: an earlier try was started and its outcome never recorded (the
/// worker died or the call timed out), so the call may already have happened.
/// </summary>
public sealed record ChatOutboxWork(
    long Id,
    string LeaseToken,
    int? IncidentId,
    ChatOperationKind Kind,
    string Payload,
    int Attempts,
    bool PreviousTryUnknown,
    DateTimeOffset CreatedAt);

public sealed record ChatOutboxView(
    long Id,
    int? IncidentId,
    int? IncidentNumber,
    ChatOperationKind Kind,
    ChatOutboxStatus Status,
    int Attempts,
    long NextAttemptAtTicks,
    string? LastError,
    DateTimeOffset CreatedAt,
    bool OutcomeUnknown)
{
    public DateTimeOffset NextAttemptAt => new(NextAttemptAtTicks, TimeSpan.Zero);

    public string? Reference => IncidentNumber is { } n ? IncidentReference.Format(n) : null;
}

public sealed record ChatOutboxSummary(int Pending, int Failed, int Sent);
