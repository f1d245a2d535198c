namespace IncidentHub.Core.FollowUps;

/// <summary>How much a follow-up matters. Stored by name.</summary>
public enum FollowUpPriority
{
    Low,
    Medium,
    High,
    Urgent,
}

/// <summary>An action during the incident, or a follow-up for after it. Stored by name.</summary>
public enum ActionKind
{
    DuringIncident,
    FollowUp,
}
