namespace IncidentHub.Core.Live;

/// <summary>
/// Port: open browsers (and the pages' subscriptions). Told by <see cref="LiveFeedConsumer"/>, which reads the event
/// log, after every committed change to an incident. Implementations must not throw and must return quickly.
/// </summary>
public interface IIncidentChangeFeed
{
    void Publish(IncidentChange change);

    /// <summary>
    /// The same, with the change's position in the event log (its last event's <c>Sequence</c>), so a feed spanning
    /// several replicas can show a change that reaches it twice only once.
    /// </summary>
    void Publish(IncidentChange change, long sequence) => Publish(change);
}

/// <summary>
/// What changed, by id only: subscribers re-read what they need (through queries that respect who may see what).
/// A change to a private incident is only ever delivered in full to pages watching that incident.
/// </summary>
public sealed record IncidentChange(int IncidentId, int Number, IncidentChangeKind Kind, string? ActorId, bool IsPrivate = false)
{
    /// <summary>The same news with nothing that identifies the incident: "something changed, reload what you may see".</summary>
    public IncidentChange Anonymised() => IsPrivate ? new IncidentChange(0, 0, Kind, null, true) : this;
}

public enum IncidentChangeKind
{
    Declared,
    UpdatePosted,
    StatusChanged,
    SeverityChanged,
    DetailsEdited,
    RolesChanged,
    TimelineChanged,
    ActionsChanged,
    TimestampsChanged,
    ReminderChanged,
    NudgeSent,
    PublicNoticeChanged,
    VisibilityChanged,
    AccessChanged,

    /// <summary>Not one change: the feed was cut off for a while (another replica's changes may be missed), so re-read everything.</summary>
    Resynced,
}
