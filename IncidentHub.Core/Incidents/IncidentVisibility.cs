namespace IncidentHub.Core.Incidents;

/// <summary>Who may see an incident.</summary>
public enum IncidentVisibility
{
    /// <summary>Everyone signed in.</summary>
    Standard,

    /// <summary>Only people with a role on it, people its lead invited, and admins.</summary>
    Private,
}
