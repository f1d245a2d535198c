using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Events;

/// <summary>
/// Hands the event log to its consumers, each from its own position, in order, once. After a change commits, the
/// pipeline calls <see cref="DispatchAsync"/> with the events it just wrote (so a consumer that is up to date does not
/// read them back); at start and every few seconds the host calls <see cref="CatchUpAsync"/>, which reads whatever a
/// consumer has not handled yet: events committed by a process that died before dispatching them, by another
/// replica, or while the consumer was failing.
/// </summary>
public sealed partial class EventDispatcher
{
    /// <summary>The most events one consumer is handed at a time.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// How far a durable consumer's stored position may trail the events it has handled without effects before it is
    /// saved anyway (so a restart re-reads at most this many events that changed nothing).
    /// </summary>
    public const int MaxUnsavedEvents = 10 * BatchSize;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly IDbContextFactory<IncidentHubDbContext> _dbFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<EventDispatcher> _logger;
    private readonly IReadOnlyList<Slot> _slots;
    private readonly SemaphoreSlim _readyGate = new(1, 1);
    private volatile bool _ready;

    public EventDispatcher(
        IDbContextFactory<IncidentHubDbContext> dbFactory,
        IEnumerable<IEventConsumer> consumers,
        TimeProvider time,
        ILogger<EventDispatcher> logger)
    {
        _dbFactory = dbFactory;
        _time = time;
        _logger = logger;
        _slots = [.. consumers.Select(c => new Slot(c))];
        var duplicate = _slots.GroupBy(s => s.Consumer.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two event consumers are called {duplicate.Key}: each needs its own name.");
        }
    }

    public IReadOnlyList<IEventConsumer> Consumers => [.. _slots.Select(s => s.Consumer)];

    /// <summary>Where each consumer is, and whether it is failing.</summary>
    public IReadOnlyList<EventConsumerStatus> Status =>
        [.. _slots.Select(s => new EventConsumerStatus(s.Consumer.Name, s.Consumer.IsDurable, s.Position, s.Failures, s.RetryAt))];

    /// <summary>
    /// Gives every durable consumer a stored position (the end of the log for a new one) and every live one the end of
    /// the log. Runs once per process, before its first change is saved, so no consumer misses that change.
    /// </summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        if (_ready)
        {
            return;
        }

        await _readyGate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            for (var attempt = 1; ; attempt++)
            {
                await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
                var head = await EventLogReader.HeadAsync(db, cancellationToken);
                var stored = await db.EventConsumers.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Position, StringComparer.Ordinal, cancellationToken);
                foreach (var slot in _slots)
                {
                    if (!slot.Consumer.IsDurable)
                    {
                        slot.Position = head;
                    }
                    else if (stored.TryGetValue(slot.Consumer.Name, out var position))
                    {
                        slot.Position = slot.Stored = position;
                    }
                    else
                    {
                        slot.Position = slot.Stored = slot.Consumer.StartsFromBeginning ? 0 : head;
                        db.EventConsumers.Add(new EventConsumerPosition(slot.Consumer.Name, slot.Position, _time.GetUtcNow()));
                    }
                }

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    break;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // Another process registered the same consumer at the same moment: take its position.
                }
            }

            _ready = true;
        }
        finally
        {
            _readyGate.Release();
        }
    }

    /// <summary>
    /// After a commit: brings every consumer at least up to the events just written. A consumer that is up to date is
    /// handed <paramref name="committed"/> as they are; one that is behind reads the log from its position. Never
    /// throws for a consumer's failure (the change is committed; the consumer catches up later).
    /// </summary>
    public async Task DispatchAsync(IReadOnlyList<LoggedEvent> committed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(committed);
        if (committed.Count == 0)
        {
            return;
        }

        await EnsureReadyAsync(cancellationToken);
        var target = committed.Max(e => e.Sequence);
        foreach (var slot in _slots)
        {
            await PumpAsync(slot, committed, target, cancellationToken);
        }
    }

    /// <summary>Reads the log to its end for every consumer (at start, and on a timer).</summary>
    /// <returns>How many events were handed to consumers.</returns>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken);
        var handled = 0;
        foreach (var slot in _slots)
        {
            handled += await PumpAsync(slot, [], long.MaxValue, cancellationToken);
        }

        return handled;
    }

    private async Task<int> PumpAsync(Slot slot, IReadOnlyList<LoggedEvent> hints, long target, CancellationToken cancellationToken)
    {
        if (slot.RetryAt is { } retryAt && retryAt > _time.GetUtcNow())
        {
            return 0;
        }

        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            var handled = 0;
            while (slot.Position < target)
            {
                var events = FromHints(hints, slot.Position) ?? await ReadAsync(slot.Position, cancellationToken);
                if (events.Count == 0)
                {
                    break;
                }

                if (!await DeliverAsync(slot, events, cancellationToken))
                {
                    break;
                }

                handled += events.Count;
            }

            return handled;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>The hinted events right after <paramref name="position"/>, when they follow it without a gap.</summary>
    private static IReadOnlyList<LoggedEvent>? FromHints(IReadOnlyList<LoggedEvent> hints, long position)
    {
        var next = hints.Where(e => e.Sequence > position).OrderBy(e => e.Sequence).ToList();
        if (next.Count == 0 || next[0].Sequence != position + 1)
        {
            return null;
        }

        for (var i = 1; i < next.Count; i++)
        {
            if (next[i].Sequence != next[i - 1].Sequence + 1)
            {
                return next[..i];
            }
        }

        return next;
    }

    private async Task<IReadOnlyList<LoggedEvent>> ReadAsync(long position, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await EventLogReader.ReadAfterAsync(db, position, BatchSize, cancellationToken);
    }

    /// <returns>False when the consumer failed (it is retried later) or another process moved its position.</returns>
    private async Task<bool> DeliverAsync(Slot slot, IReadOnlyList<LoggedEvent> events, CancellationToken cancellationToken)
    {
        var last = events[^1].Sequence;
        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
            EventBatch? batch;
            if (slot.Consumer.IsDurable)
            {
                batch = await HandleDurablyAsync(db, slot, events, last, cancellationToken);
                if (batch is null)
                {
                    // Another process handled these (and maybe more) first: go on from where it got to.
                    slot.Position = slot.Stored = await db.EventConsumers.AsNoTracking()
                        .Where(c => c.Name == slot.Consumer.Name).Select(c => c.Position).SingleAsync(cancellationToken);
                    return true;
                }
            }
            else
            {
                batch = new EventBatch(events, db);
                await slot.Consumer.HandleAsync(batch, cancellationToken);
            }

            slot.Position = last;
            slot.Failures = 0;
            slot.RetryAt = null;
            await RunAfterCommitAsync(slot, batch, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            slot.Failures++;
            var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, slot.Failures), MaxBackoff.TotalSeconds));
            slot.RetryAt = _time.GetUtcNow() + backoff;
            LogConsumerFailed(_logger, ex, slot.Consumer.Name, events[0].Sequence, last, slot.Failures);
            return false;
        }
    }

    /// <returns>The batch once committed; null when another process had moved the position first (nothing saved).</returns>
    /// <remarks>
    /// A batch that changes nothing (a chat consumer handed a channel's mirrored messages) is not worth a write of its
    /// own: its position is saved with the consumer's next effects, or once it trails by <see cref="MaxUnsavedEvents"/>.
    /// Handling such events again after a restart changes nothing either. The compare-and-swap is always against the
    /// position last stored, so another process that moved it in between is still noticed.
    /// </remarks>
    private async Task<EventBatch?> HandleDurablyAsync(IncidentHubDbContext db, Slot slot, IReadOnlyList<LoggedEvent> events, long last, CancellationToken cancellationToken)
    {
        var name = slot.Consumer.Name;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var batch = new EventBatch(events, db);
            await slot.Consumer.HandleAsync(batch, ct);
            if (!db.ChangeTracker.HasChanges() && batch.AfterCommitActions.Count == 0 && last - slot.Stored < MaxUnsavedEvents)
            {
                return batch;
            }

            var from = slot.Stored;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            var now = _time.GetUtcNow();
            var moved = await db.EventConsumers
                .Where(c => c.Name == name && c.Position == from)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, last).SetProperty(c => c.UpdatedAt, now), ct);
            if (moved == 0)
            {
                await transaction.RollbackAsync(ct);
                return null;
            }

            await transaction.CommitAsync(ct);
            slot.Stored = last;
            return batch;
        }, cancellationToken);
    }

    private async Task RunAfterCommitAsync(Slot slot, EventBatch batch, CancellationToken cancellationToken)
    {
        foreach (var action in batch.AfterCommitActions)
        {
            try
            {
                await action(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The effects are committed; what runs afterwards (a push to browsers) is best effort.
                LogAfterCommitFailed(_logger, ex, slot.Consumer.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event consumer {Consumer} failed on events {First}..{Last} (failure {Failures}); it will try again from {First}")]
    private static partial void LogConsumerFailed(ILogger logger, Exception exception, string consumer, long first, long last, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event consumer {Consumer}: a follow-up after its commit failed")]
    private static partial void LogAfterCommitFailed(ILogger logger, Exception exception, string consumer);

    private sealed class Slot(IEventConsumer consumer)
    {
        public IEventConsumer Consumer { get; } = consumer;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>The last event handed to the consumer.</summary>
        public long Position { get; set; }

        /// <summary>A durable consumer's position as last read or written in the database (at most <see cref="Position"/>).</summary>
        public long Stored { get; set; }

        public int Failures { get; set; }

        public DateTimeOffset? RetryAt { get; set; }
    }
}

/// <summary>A consumer's place in the log and health, for the admin pages and health checks.</summary>
public sealed record EventConsumerStatus(string Name, bool IsDurable, long Position, int Failures, DateTimeOffset? RetryAt);
