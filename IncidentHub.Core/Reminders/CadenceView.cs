using IncidentHub.Core.Common;

namespace IncidentHub.Core.Reminders;

/// <summary>An incident's update cadence as people see it.</summary>
public sealed record CadenceView(int Minutes, bool Overridden, DateTimeOffset? DueAt, DateTimeOffset? SnoozedUntil, DateTimeOffset? LastNudgedAt)
{
    public bool IsRunning => DueAt is not null;

    public bool IsOverdue(DateTimeOffset now) => UpdateReminder.IsOverdueAt(DueAt, now);

    /// <summary>Where the cadence comes from, for its label: "Critical default" or "set for this incident".</summary>
    public string Source(string severityName) => Overridden ? "set for this incident" : $"{severityName} default";

    /// <summary>"every 15 min (Critical default)".</summary>
    public string Label(string severityName) => $"{UpdateCadence.Describe(Minutes)} ({Source(severityName)})";

    /// <summary>"Next update in 12 min", "Update overdue by 5 min", or null when no update is expected.</summary>
    public static string? Describe(DateTimeOffset? dueAt, DateTimeOffset now) => dueAt switch
    {
        null => null,
        { } due when now >= due && now - due < TimeSpan.FromMinutes(1) => "Update due now",
        { } due when now >= due => $"Update overdue by {TimeDisplay.Duration(now - due, coarse: true)}",
        { } due when due - now < TimeSpan.FromMinutes(1) => "Next update in under a minute",
        { } due => $"Next update in {TimeDisplay.Duration(due - now, coarse: true)}",
    };
}
