using IncidentHub.Core.Timeline;
using MudBlazor;

namespace IncidentHub.Web.Components.Shared;

public static class TimelineIcons
{
    public static string For(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Declared => Icons.Material.Filled.Campaign,
        TimelineEntryKind.Update => Icons.Material.Filled.RecordVoiceOver,
        TimelineEntryKind.StatusChanged => Icons.Material.Filled.SwapHoriz,
        TimelineEntryKind.SeverityChanged => Icons.Material.Filled.Warning,
        TimelineEntryKind.DetailsEdited => Icons.Material.Filled.Edit,
        TimelineEntryKind.LeadHandover or TimelineEntryKind.LeadHandoverOffered or TimelineEntryKind.LeadHandoverWithdrawn => Icons.Material.Filled.Handshake,
        TimelineEntryKind.RoleAssigned or TimelineEntryKind.RoleUnassigned => Icons.Material.Filled.Badge,
        TimelineEntryKind.Note => Icons.Material.Filled.StickyNote2,
        TimelineEntryKind.ActionAdded or TimelineEntryKind.ActionChanged => Icons.Material.Filled.TaskAlt,
        TimelineEntryKind.TimestampCorrected => Icons.Material.Filled.Schedule,
        TimelineEntryKind.Message => Icons.Material.Filled.Chat,
        TimelineEntryKind.UpdateSkipped => Icons.Material.Filled.SkipNext,
        TimelineEntryKind.ReminderSnoozed => Icons.Material.Filled.Snooze,
        TimelineEntryKind.CadenceChanged => Icons.Material.Filled.Schedule,
        _ => Icons.Material.Filled.Circle,
    };

    public static string Label(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Declared => "declared",
        TimelineEntryKind.Update => "posted an update",
        TimelineEntryKind.StatusChanged => "status",
        TimelineEntryKind.SeverityChanged => "severity",
        TimelineEntryKind.DetailsEdited => "details",
        TimelineEntryKind.LeadHandover or TimelineEntryKind.LeadHandoverOffered or TimelineEntryKind.LeadHandoverWithdrawn => "hand-over",
        TimelineEntryKind.RoleAssigned or TimelineEntryKind.RoleUnassigned => "roles",
        TimelineEntryKind.Note => "note",
        TimelineEntryKind.ActionAdded or TimelineEntryKind.ActionChanged => "actions",
        TimelineEntryKind.TimestampCorrected => "key times",
        TimelineEntryKind.Message => "message",
        TimelineEntryKind.UpdateSkipped => "skipped the update",
        TimelineEntryKind.ReminderSnoozed => "reminder",
        TimelineEntryKind.CadenceChanged => "cadence",
        _ => "",
    };
}
