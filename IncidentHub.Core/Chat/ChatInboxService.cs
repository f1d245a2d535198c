using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Chat;

/// <summary>
/// The durable inbox: events are stored (and only then acknowledged), claimed in batches by background sweeps with a
/// lease, and marked done once applied. A delivery whose event id is already stored is recognised, however many times
/// the chat system retries it; a worker that dies leaves its batch to be claimed again when the lease runs out.
/// </summary>
public sealed partial class ChatInboxService(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time, ILogger<ChatInboxService> logger)
{
    /// <summary>Applied events are kept this long to recognise late retries, then purged.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    /// <summary>
    /// Stores events in one transaction. Returns, for each, whether it was new; false means a copy with the same
    /// event id was stored before (or earlier in this batch), which is just as safely acknowledged.
    /// </summary>
    public async Task<IReadOnlyList<bool>> AddAsync(IReadOnlyList<ChatInboxItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new bool[items.Count];
        if (items.Count == 0)
        {
            return results;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var fresh = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var eventIds = items.Select(item => item.EventId).Distinct().ToList();
        var stored = (await db.ChatInbox.AsNoTracking()
                .Where(i => eventIds.Contains(i.EventId))
                .Select(i => i.EventId)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        for (var index = 0; index < items.Count; index++)
        {
            if (!stored.Contains(items[index].EventId) && seen.Add(items[index].EventId))
            {
                fresh.Add(index);
            }
        }

        if (fresh.Count == 0)
        {
            return results;
        }

        db.ChatInbox.AddRange(fresh.Select(i => items[i]));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            fresh.ForEach(i => results[i] = true);
            return results;
        }
        catch (DbUpdateException)
        {
            // Another process stored one of them at the same moment: store the rest one by one.
        }

        foreach (var index in fresh)
        {
            await using var single = await dbFactory.CreateDbContextAsync(cancellationToken);
            var item = items[index];
            single.ChatInbox.Add(new ChatInboxItem(item.EventId, item.Kind, item.Payload ?? "", item.RetryNumber, item.ReceivedAt));
            try
            {
                await single.SaveChangesAsync(cancellationToken);
                results[index] = true;
            }
            catch (DbUpdateException)
            {
                if (!await ExistsAsync(item.EventId, cancellationToken))
                {
                    throw;
                }

                results[index] = false;
            }
        }

        return results;
    }

    /// <summary>
    /// Records that an interaction (a form submission, say) is being handled now. False when it was recorded before:
    /// a repeat that must not be handled twice.
    /// </summary>
    public async Task<bool> TryRecordHandledAsync(string eventId, string kind, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ChatInbox.AnyAsync(i => i.EventId == eventId, cancellationToken))
        {
            return false;
        }

        db.ChatInbox.Add(ChatInboxItem.Handled(eventId, kind, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Forgets a handled interaction whose handling failed, so that trying again is not taken for a repeat.</summary>
    public async Task ForgetAsync(string eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ChatInbox.Where(i => i.EventId == eventId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>When an event of this kind last arrived (a revoked token, a rate limit), for the admin page.</summary>
    public async Task<DateTimeOffset?> LastReceivedAsync(string kind, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatInbox.AsNoTracking()
            .Where(i => i.Kind == kind)
            .OrderByDescending(i => i.Id)
            .Select(i => (DateTimeOffset?)i.ReceivedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>How many received events wait to be applied (the inbox's depth, for the metrics).</summary>
    public async Task<int> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatInbox.AsNoTracking().CountAsync(i => i.Status == ChatInboxStatus.Pending, cancellationToken);
    }

    /// <summary>Claims up to <paramref name="max"/> due events, oldest first, for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<ChatInboxWork>> ClaimAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcTicks;
        var until = now + lease.Ticks;
        var token = Guid.NewGuid().ToString("N");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (ChatClaimSql.SkipsLockedRows(db))
        {
            // PostgreSQL: one statement, rows another worker is claiming right now skipped (ChatClaimSql).
            await db.Database.ExecuteSqlRawAsync(ChatClaimSql.InboxClaim(db), [token, until, nameof(ChatInboxStatus.Pending), now, max], cancellationToken);
            return await ClaimedAsync(db, token, cancellationToken);
        }

        var ids = await db.ChatInbox.AsNoTracking()
            .Where(i => i.Status == ChatInboxStatus.Pending && i.NextAttemptAtTicks <= now && i.LeaseUntilTicks <= now)
            .OrderBy(i => i.Id)
            .Take(max)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        // The same condition again: a row another worker claimed in between is not taken twice.
        await db.ChatInbox
            .Where(i => ids.Contains(i.Id) && i.Status == ChatInboxStatus.Pending && i.LeaseUntilTicks <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.LeaseToken, token)
                .SetProperty(i => i.LeaseUntilTicks, until)
                .SetProperty(i => i.Attempts, i => i.Attempts + 1), cancellationToken);
        return await ClaimedAsync(db, token, cancellationToken);
    }

    private static async Task<IReadOnlyList<ChatInboxWork>> ClaimedAsync(IncidentHubDbContext db, string token, CancellationToken cancellationToken) =>
        await db.ChatInbox.AsNoTracking()
            .Where(i => i.LeaseToken == token)
            .OrderBy(i => i.Id)
            .Select(i => new ChatInboxWork(i.Id, token, i.EventId, i.Kind, i.Payload ?? "", i.Attempts, i.RetryNumber, i.ReceivedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Records what became of claimed events. Only rows still held under <paramref name="token"/> change.</summary>
    public async Task CompleteAsync(string token, IReadOnlyList<ChatInboxResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var group in results.Where(r => r.RetryAt is null).GroupBy(r => (r.Status, r.Outcome)))
        {
            var ids = group.Select(r => r.Id).ToList();
            var (status, outcome) = group.Key;
            var keepPayload = status == ChatInboxStatus.Failed;
            await db.ChatInbox
                .Where(i => ids.Contains(i.Id) && i.LeaseToken == token)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, status)
                    .SetProperty(i => i.Outcome, outcome)
                    .SetProperty(i => i.ProcessedAt, now)
                    .SetProperty(i => i.Payload, i => keepPayload ? i.Payload : null)
                    .SetProperty(i => i.LeaseToken, (string?)null)
                    .SetProperty(i => i.LeaseUntilTicks, 0L), cancellationToken);
        }

        foreach (var retry in results.Where(r => r.RetryAt is not null))
        {
            var at = retry.RetryAt!.Value.UtcTicks;
            await db.ChatInbox
                .Where(i => i.Id == retry.Id && i.LeaseToken == token)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, i => i.Attempts >= ChatInboxItem.MaxAttempts ? ChatInboxStatus.Failed : ChatInboxStatus.Pending)
                    .SetProperty(i => i.Outcome, retry.Outcome)
                    .SetProperty(i => i.NextAttemptAtTicks, at)
                    .SetProperty(i => i.LeaseToken, (string?)null)
                    .SetProperty(i => i.LeaseUntilTicks, 0L), cancellationToken);
        }
    }

    public async Task<ChatInboxSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.ChatInbox.AsNoTracking()
            .GroupBy(i => i.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var last = await db.ChatInbox.AsNoTracking()
            .OrderByDescending(i => i.Id)
            .Select(i => (DateTimeOffset?)i.ReceivedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var failed = await db.ChatInbox.AsNoTracking()
            .Where(i => i.Status == ChatInboxStatus.Failed)
            .OrderByDescending(i => i.Id)
            .Take(50)
            .Select(i => new ChatInboxFailure(i.Id, i.Kind, i.Outcome, i.ReceivedAt, i.Attempts))
            .ToListAsync(cancellationToken);
        int Count(ChatInboxStatus status) => counts.SingleOrDefault(c => c.Status == status)?.Count ?? 0;
        return new ChatInboxSummary(Count(ChatInboxStatus.Pending), Count(ChatInboxStatus.Done), Count(ChatInboxStatus.Ignored), Count(ChatInboxStatus.Failed), last, failed);
    }

    /// <summary>Puts a failed event back in line (admins only).</summary>
    public async Task RetryAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        var now = time.GetUtcNow().UtcTicks;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.ChatInbox
            .Where(i => i.Id == id && i.Status == ChatInboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, ChatInboxStatus.Pending)
                .SetProperty(i => i.Attempts, 0)
                .SetProperty(i => i.NextAttemptAtTicks, now), cancellationToken);
        if (changed == 0)
        {
            throw new NotFoundException("That event is no longer waiting for a retry.");
        }
    }

    /// <summary>Deletes applied and ignored events older than <see cref="Retention"/>.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var before = time.GetUtcNow() - Retention;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var purged = await db.ChatInbox
            .Where(i => (i.Status == ChatInboxStatus.Done || i.Status == ChatInboxStatus.Ignored) && i.ReceivedAt < before)
            .ExecuteDeleteAsync(cancellationToken);
        if (purged > 0)
        {
            LogPurged(logger, purged);
        }

        return purged;
    }

    private async Task<bool> ExistsAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChatInbox.AnyAsync(i => i.EventId == eventId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} applied chat events")]
    private static partial void LogPurged(ILogger logger, int count);
}

/// <summary>A claimed event: its payload and how many times it has been tried (this try included).</summary>
public sealed record ChatInboxWork(long Id, string LeaseToken, string EventId, string Kind, string Payload, int Attempts, int RetryNumber, DateTimeOffset ReceivedAt);

/// <summary>
/// What became of a claimed event: done, ignored or failed for good; or, with <see cref="RetryAt"/>, to try again then
/// (failed for good once out of attempts).
/// </summary>
public sealed record ChatInboxResult(long Id, ChatInboxStatus Status, string? Outcome = null, DateTimeOffset? RetryAt = null);

public sealed record ChatInboxFailure(long Id, string Kind, string? Outcome, DateTimeOffset ReceivedAt, int Attempts);

public sealed record ChatInboxSummary(int Pending, int Done, int Ignored, int Failed, DateTimeOffset? LastReceivedAt, IReadOnlyList<ChatInboxFailure> Failures);
