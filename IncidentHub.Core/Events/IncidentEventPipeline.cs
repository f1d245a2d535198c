using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Events;

/// <summary>
/// The one way a change reaches the database and the event handlers. <see cref="SaveAsync{T}"/> runs a unit of work
/// (load, change through aggregate methods), then in one transaction saves its rows and every event the tracked
/// incidents (and the unit's <see cref="EventRecorder"/>) recorded, as rows of the event log; after the commit it
/// dispatches those events to the consumers. A unit that fails or is rolled back writes no event; a process that dies
/// after the commit loses none (the consumers catch up from the log).
/// </summary>
public sealed class IncidentEventPipeline(EventDispatcher dispatcher, TimeProvider time)
{
    /// <param name="db">A fresh context: the unit of work does all its loading on it, inside <paramref name="work"/>.</param>
    /// <param name="work">
    /// Loads and changes what it needs on <paramref name="db"/>. May run again on a clean context after a transient
    /// database failure (SQL Server), so it must not do anything else that cannot be repeated.
    /// </param>
    public async Task<T> SaveAsync<T>(IncidentHubDbContext db, Func<EventRecorder, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        await dispatcher.EnsureReadyAsync(cancellationToken);
        var recorder = new EventRecorder();
        var strategy = db.Database.CreateExecutionStrategy();
        var (result, logged) = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            recorder.Clear();
            var result = await work(recorder, ct);
            var logged = await SaveInOneTransactionAsync(db, recorder, ct);
            return (result, logged);
        }, cancellationToken);

        await dispatcher.DispatchAsync(logged, cancellationToken);
        return result;
    }

    private async Task<IReadOnlyList<LoggedEvent>> SaveInOneTransactionAsync(IncidentHubDbContext db, EventRecorder recorder, CancellationToken cancellationToken)
    {
        var incidents = db.ChangeTracker.Entries<Incident>().Select(e => e.Entity).ToList();
        var pending = incidents.SelectMany(i => i.PendingEvents).Concat(recorder.Events).OrderBy(p => p.Order).ToList();
        if (pending.Count == 0 && !db.ChangeTracker.HasChanges())
        {
            return [];
        }

        db.SavingWithEvents = true;
        try
        {
            return await SaveAsync(db, incidents, pending, cancellationToken);
        }
        finally
        {
            db.SavingWithEvents = false;
        }
    }

    private async Task<IReadOnlyList<LoggedEvent>> SaveAsync(
        IncidentHubDbContext db, List<Incident> incidents, List<PendingIncidentEvent> pending, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (pending.Count > 0)
        {
            await EventLogWriterLock.AcquireAsync(db, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (pending.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return [];
        }

        var changeId = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        var others = await OtherIncidentsAsync(db, pending, cancellationToken);
        var events = new List<(Func<EventLogEntry> Row, IncidentEvent Event)>(pending.Count);
        foreach (var p in pending)
        {
            var incidentEvent = p.Build();
            var (id, number, isPrivate) = p.Incident is { } incident
                ? (incident.Id, incident.Number, incident.IsPrivate)
                : others[p.IncidentId];
            var kind = IncidentEventCatalog.KindOf(incidentEvent);
            var payload = IncidentEventCatalog.Serialize(incidentEvent);
            var entryId = p.Entry?.Id;
            events.Add((() => new EventLogEntry(changeId, id, number, isPrivate, kind, p.OccurredAt, now, p.ActorId, p.ActorName, entryId, payload), incidentEvent));
        }

        var rows = await EventLogInserts.InsertInOrderAsync(db, changeId, [.. events.Select(e => e.Row)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var incident in incidents)
        {
            incident.ClearPendingEvents();
        }

        return [.. rows.Zip(events, (row, e) => new LoggedEvent(row.Sequence, changeId, row.IncidentId, row.IncidentNumber, row.IsPrivate,
            row.OccurredAt, row.ActorId, row.ActorName, row.TimelineEntryId, e.Event))];
    }

    /// <summary>The number and visibility of incidents whose events were recorded without their aggregate.</summary>
    private static async Task<Dictionary<int, (int Id, int Number, bool IsPrivate)>> OtherIncidentsAsync(
        IncidentHubDbContext db, List<PendingIncidentEvent> pending, CancellationToken cancellationToken)
    {
        var ids = pending.Where(p => p.Incident is null).Select(p => p.IncidentId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await db.Incidents.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Number, i.Visibility })
            .ToListAsync(cancellationToken);
        return found.ToDictionary(i => i.Id, i => (i.Id, i.Number, i.Visibility == IncidentVisibility.Private));
    }
}
