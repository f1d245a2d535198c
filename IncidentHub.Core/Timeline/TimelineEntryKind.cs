namespace IncidentHub.Core.Timeline;

/// <summary>What a timeline entry records. Stored by name.</summary>
public enum TimelineEntryKind
{
    Declared,
    Update,
    StatusChanged,
    SeverityChanged,
    DetailsEdited,
    LeadHandover,
    RoleAssigned,
    RoleUnassigned,
    Note,
    ActionAdded,
    ActionChanged,
    TimestampCorrected,
    Message,
    UpdateSkipped,
    ReminderSnoozed,
    CadenceChanged,
    VisibilityChanged,
    Published,
    Review,
    LeadHandoverOffered,
    LeadHandoverWithdrawn,
    NotRelated,
    ServicesChanged,
    TypeChanged,
}

/// <summary>Where an entry came from.</summary>
public enum TimelineSource
{
    Web,
    Slack,
    System,
}
