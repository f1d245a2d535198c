namespace IncidentHub.Core.Incidents;

/// <summary>Where an incident is in its life. Stored by name.</summary>
public enum IncidentStatus
{
    Triage,
    Investigating,
    Fixing,
    Monitoring,
    Resolved,
    Closed,
    Declined,
}

public static class IncidentStatuses
{
    /// <summary>Statuses in which the incident is being worked on.</summary>
    public static IReadOnlyList<IncidentStatus> Active { get; } =
        [IncidentStatus.Triage, IncidentStatus.Investigating, IncidentStatus.Fixing, IncidentStatus.Monitoring];

    /// <summary>Every status, in lifecycle order.</summary>
    public static IReadOnlyList<IncidentStatus> All { get; } = Enum.GetValues<IncidentStatus>();

    public static bool IsActive(this IncidentStatus status) =>
        status is IncidentStatus.Triage or IncidentStatus.Investigating or IncidentStatus.Fixing or IncidentStatus.Monitoring;

    /// <summary>Resolved or Closed: the incident is over and has a review.</summary>
    public static bool HasReview(this IncidentStatus status) =>
        status is IncidentStatus.Resolved or IncidentStatus.Closed;

    public static string Describe(this IncidentStatus status) => status switch
    {
        IncidentStatus.Triage => "Not yet confirmed: is this a real incident?",
        IncidentStatus.Investigating => "Confirmed; finding the cause.",
        IncidentStatus.Fixing => "Cause known; a fix is under way.",
        IncidentStatus.Monitoring => "Fix in place; watching that it holds.",
        IncidentStatus.Resolved => "Over for customers; follow-ups may remain.",
        IncidentStatus.Closed => "Reviewed and finished.",
        IncidentStatus.Declined => "Not an incident after all.",
        _ => status.ToString(),
    };
}
