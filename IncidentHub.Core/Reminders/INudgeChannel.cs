namespace IncidentHub.Core.Reminders;

/// <summary>
/// Port: other places a nudge should reach (a chat channel, say). Called after the nudges are committed, once per
/// sweep with everything that sweep sent. The in-app notification is already saved by then.
/// </summary>
public interface INudgeChannel
{
    Task DeliverAsync(IReadOnlyList<UpdateNudge> nudges, CancellationToken cancellationToken);
}

/// <summary>One nudge: who, for which incident, and how late the update is.</summary>
public sealed record UpdateNudge(
    int IncidentId,
    int IncidentNumber,
    string IncidentName,
    string LeadId,
    DateTimeOffset DueAt,
    DateTimeOffset NudgedAt,
    int NudgeNumber,
    bool IsPrivate = false)
{
    public string Reference => Incidents.IncidentReference.Format(IncidentNumber);

    public TimeSpan OverdueBy => NudgedAt - DueAt;
}
