namespace IncidentHub.Core.Events;

/// <summary>
/// One row of the event log: an <see cref="IncidentEvent"/> as it was recorded, written in the same transaction as
/// the change it describes. Append-only: rows are never changed, and <see cref="Sequence"/> orders them. Consumers
/// (the live feed, notifications, the chat outbox, later webhooks and workflows) read from their own position.
/// </summary>
public sealed class EventLogEntry
{
    private EventLogEntry()
    {
    }

    internal EventLogEntry(
        string changeId,
        int incidentId,
        int incidentNumber,
        bool isPrivate,
        string kind,
        DateTimeOffset occurredAt,
        DateTimeOffset recordedAt,
        string? actorId,
        string actorName,
        long? timelineEntryId,
        string payload)
    {
        ChangeId = changeId;
        IncidentId = incidentId;
        IncidentNumber = incidentNumber;
        IsPrivate = isPrivate;
        Kind = kind;
        OccurredAt = occurredAt;
        RecordedAt = recordedAt;
        ActorId = actorId;
        ActorName = actorName;
        TimelineEntryId = timelineEntryId;
        Payload = payload;
    }

    /// <summary>The event's place in the log. Increasing, but with gaps (a rolled-back transaction leaves one).</summary>
    public long Sequence { get; private set; }

    /// <summary>The change (one transaction) that recorded it: events with the same id happened together.</summary>
    public string ChangeId { get; private set; } = "";

    public int IncidentId { get; private set; }

    public int IncidentNumber { get; private set; }

    /// <summary>Whether the incident was private when this happened: consumers that reach beyond its members skip it.</summary>
    public bool IsPrivate { get; private set; }

    /// <summary>The event's stored name (<see cref="EventKindAttribute"/>), e.g. <c>update.posted</c>.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>When it happened (a Slack message's own time, say, or the demo's scripted clock).</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>When IncidentHub wrote it down.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The IncidentHub user who did it; null for IncidentHub itself and for chat people without an account.</summary>
    public string? ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    /// <summary>The timeline entry that tells it in words, when there is one.</summary>
    public long? TimelineEntryId { get; private set; }

    /// <summary>The event as versioned JSON (<c>{"v":1,...}</c>), see <see cref="IncidentEventCatalog"/>.</summary>
    public string Payload { get; private set; } = "";

    public LoggedEvent ToLoggedEvent() => new(
        Sequence, ChangeId, IncidentId, IncidentNumber, IsPrivate, OccurredAt, ActorId, ActorName, TimelineEntryId,
        IncidentEventCatalog.Deserialize(Kind, Payload));
}

/// <summary>An event as consumers receive it: the event and where it sits in the log.</summary>
public sealed record LoggedEvent(
    long Sequence,
    string ChangeId,
    int IncidentId,
    int IncidentNumber,
    bool IsPrivate,
    DateTimeOffset OccurredAt,
    string? ActorId,
    string ActorName,
    long? TimelineEntryId,
    IncidentEvent Event)
{
    public string Kind => IncidentEventCatalog.KindOf(Event);

    /// <summary>
    /// The incident's name, when the producer had it at hand and handed it over with the event (the nudge sweep does),
    /// so a consumer that shows it need not read it again; null for events read back from the log. Never stored.
    /// </summary>
    public string? IncidentName { get; init; }
}
