using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;

namespace IncidentHub.Core.Events;

/// <summary>
/// An event recorded in memory and not yet saved. Its payload is built after the change's own rows are inserted, so
/// that it can carry their new ids (the update's, the action's, the timeline entry's).
/// </summary>
internal sealed class PendingIncidentEvent
{
    private static long _order;

    private PendingIncidentEvent(
        Incident? incident,
        int incidentId,
        string? actorId,
        string actorName,
        DateTimeOffset occurredAt,
        TimelineEntry? entry,
        Func<IncidentEvent> build)
    {
        Incident = incident;
        IncidentId = incidentId;
        ActorId = actorId;
        ActorName = actorName;
        OccurredAt = occurredAt;
        Entry = entry;
        Build = build;
        Order = Interlocked.Increment(ref _order);
    }

    /// <summary>The aggregate that recorded it (null when recorded by a service that does not load it).</summary>
    public Incident? Incident { get; }

    public int IncidentId { get; }

    public string? ActorId { get; }

    public string ActorName { get; }

    public DateTimeOffset OccurredAt { get; }

    /// <summary>The timeline entry that tells it, saved in the same transaction.</summary>
    public TimelineEntry? Entry { get; }

    /// <summary>Makes the event; called once its entities have their ids.</summary>
    public Func<IncidentEvent> Build { get; }

    /// <summary>The order events were recorded in, across aggregates.</summary>
    public long Order { get; }

    public static PendingIncidentEvent ByAggregate(Incident incident, Actor actor, DateTimeOffset occurredAt, TimelineEntry? entry, Func<IncidentEvent> build) =>
        new(incident, 0, actor.IsSystem ? null : actor.UserId, actor.DisplayName, occurredAt, entry, build);

    public static PendingIncidentEvent ByService(int incidentId, string? actorId, string actorName, DateTimeOffset occurredAt, TimelineEntry? entry, Func<IncidentEvent> build) =>
        new(null, incidentId, actorId, actorName, occurredAt, entry, build);
}

/// <summary>
/// Events recorded by a service that changes rows of an incident without loading its aggregate (the chat mirror,
/// file copies). Saved with the unit of work they were recorded in, like an aggregate's.
/// </summary>
public sealed class EventRecorder
{
    private readonly List<PendingIncidentEvent> _events = [];

    internal IReadOnlyList<PendingIncidentEvent> Events => _events;

    /// <param name="actorId">The IncidentHub user who did it, or null.</param>
    /// <param name="entry">The timeline entry that tells it, when there is one (saved in the same unit of work).</param>
    /// <param name="build">Makes the event once the unit's rows have their ids (an entry's id, say).</param>
    public void Record(int incidentId, string? actorId, string actorName, DateTimeOffset occurredAt, TimelineEntry? entry, Func<IncidentEvent> build) =>
        _events.Add(PendingIncidentEvent.ByService(incidentId, actorId, actorName, occurredAt, entry, build));

    internal void Clear() => _events.Clear();
}
