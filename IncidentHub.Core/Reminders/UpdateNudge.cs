namespace IncidentHub.Core.Reminders;

/// <summary>
/// One nudge the sweep sent: who, for which incident, and how late the update is. (Other places a nudge reaches,
/// the chat channel say, hear of it from the <see cref="Events.UpdateNudged"/> event.)
/// </summary>
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
