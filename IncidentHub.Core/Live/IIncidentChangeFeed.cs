namespace IncidentHub.Core.Live;

/// <summary>
/// Port: open browsers (and the pages' subscriptions). Told by <see cref="LiveFeedConsumer"/>, which reads the event
/// log, after every committed change to an incident. Implementations must not throw and must return quickly.
/// </summary>
public interface IIncidentChangeFeed
{
    void Publish(IncidentChange change);
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
}
