namespace IncidentHub.Core.Live;

/// <summary>
/// Port: told after every committed change to an incident, so that open browsers (and later other channels) can
/// react. Implementations must not throw and must return quickly.
/// </summary>
public interface IIncidentChangeFeed
{
    void Publish(IncidentChange change);
}

/// <summary>What changed, by id only: subscribers re-read what they need.</summary>
public sealed record IncidentChange(int IncidentId, int Number, IncidentChangeKind Kind, string? ActorId);

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
}
