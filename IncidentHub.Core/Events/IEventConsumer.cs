using IncidentHub.Core.Data;

namespace IncidentHub.Core.Events;

/// <summary>
/// Reads the event log from its own position and reacts: the live feed, notifications, the chat outbox, and later
/// webhooks and workflows. Register one with <c>services.AddEventConsumer&lt;T&gt;()</c>; the
/// <see cref="EventDispatcher"/> hands it every event in log order, in batches, once.
/// </summary>
/// <remarks>
/// <para>
/// A durable consumer's position is kept in the database (<c>EventConsumers</c>) and saved in the same transaction
/// as whatever it adds to <see cref="EventBatch.Db"/>: its reaction to an event happens exactly once, even when the
/// process dies between a change's commit and its dispatch (it catches up from the log on the next start).
/// </para>
/// <para>
/// A live consumer (not durable) keeps its position in memory and starts from the end of the log when the process
/// starts: for reactions that only matter now, like telling open browsers.
/// </para>
/// <para>
/// A new durable consumer starts at the end of the log too (it does not replay history) unless
/// <see cref="StartsFromBeginning"/>. A consumer that throws is retried later from the same position; the others go on.
/// </para>
/// </remarks>
public interface IEventConsumer
{
    /// <summary>Its position is stored under this name: never rename it.</summary>
    string Name { get; }

    bool IsDurable { get; }

    /// <summary>A new durable consumer reads the whole log first (a webhook being set up to replay, say).</summary>
    bool StartsFromBeginning => false;

    Task HandleAsync(EventBatch batch, CancellationToken cancellationToken);
}

/// <summary>
/// A batch of events for one consumer, oldest first, with a context for its effects. For a durable consumer, what it
/// adds to <see cref="Db"/> is saved with its new position in one transaction; <see cref="AfterCommit"/> runs once
/// that has committed (to push to browsers, or wake a worker).
/// </summary>
public sealed class EventBatch(IReadOnlyList<LoggedEvent> events, IncidentHubDbContext db)
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];

    public IReadOnlyList<LoggedEvent> Events { get; } = events;

    public IncidentHubDbContext Db { get; } = db;

    internal IReadOnlyList<Func<CancellationToken, Task>> AfterCommitActions => _afterCommit;

    /// <summary>Runs <paramref name="action"/> after the batch's effects and position are committed.</summary>
    public void AfterCommit(Func<CancellationToken, Task> action) => _afterCommit.Add(action);

    public void AfterCommit(Action action) => _afterCommit.Add(_ =>
    {
        action();
        return Task.CompletedTask;
    });
}
