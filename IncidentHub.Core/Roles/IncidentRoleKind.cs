namespace IncidentHub.Core.Roles;

/// <summary>What a role definition is. Built-in kinds have rules; custom roles are defined by admins.</summary>
public enum IncidentRoleKind
{
    /// <summary>Exactly one while the incident is active. Changing holder is a hand-over.</summary>
    Lead,

    /// <summary>Who declared the incident. Set once, at declaration.</summary>
    Reporter,

    CommunicationsLead,
    Scribe,
    Custom,
}
