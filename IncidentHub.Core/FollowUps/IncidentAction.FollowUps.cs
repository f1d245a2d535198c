using IncidentHub.Core.FollowUps;

namespace IncidentHub.Core.Actions;

/// <summary>The follow-up side of an action: work for after the incident, with a due date, a priority and a tracker link.</summary>
public sealed partial class IncidentAction
{
    public ActionKind Kind { get; private set; } = ActionKind.DuringIncident;

    public bool IsFollowUp => Kind == ActionKind.FollowUp;

    /// <summary>The end of the day it is due (UTC instant), or none.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public FollowUpPriority Priority { get; private set; } = FollowUpPriority.Medium;

    /// <summary>Why it is not being done (required then).</summary>
    public string? NotDoingReason { get; private set; }

    /// <summary>The ticket in Jira, Linear, GitHub... (http or https).</summary>
    public string? TrackerUrl { get; private set; }

    /// <summary>When its owner was last nudged about it, in UTC ticks (null: not since its due date was set).</summary>
    public long? LastNudgedAtTicks { get; private set; }

    /// <summary>Nudges sent since its due date was set.</summary>
    public int NudgeCount { get; private set; }

    /// <summary>The nudge sweep that last claimed it.</summary>
    public string? NudgeClaimToken { get; private set; }

    internal static IncidentAction FollowUp(string title, string? ownerId, string? ownerName, DateTimeOffset? dueAt, FollowUpPriority priority, string? trackerUrl, Common.Actor createdBy, DateTimeOffset now) =>
        new(title, ownerId, ownerName, createdBy, now)
        {
            Kind = ActionKind.FollowUp,
            DueAt = dueAt,
            Priority = priority,
            TrackerUrl = trackerUrl,
        };

    internal void KeepAsFollowUp(DateTimeOffset? dueAt, FollowUpPriority priority)
    {
        Kind = ActionKind.FollowUp;
        DueAt = dueAt;
        Priority = priority;
        ResetNudges();
    }

    internal void SetReason(string? reason) => NotDoingReason = reason;

    internal void Plan(DateTimeOffset? dueAt, FollowUpPriority priority, string? trackerUrl)
    {
        if (DueAt != dueAt)
        {
            // A new due date: its owner is nudged on that day, as for a new follow-up.
            ResetNudges();
        }

        DueAt = dueAt;
        Priority = priority;
        TrackerUrl = trackerUrl;
    }

    private void ResetNudges()
    {
        LastNudgedAtTicks = null;
        NudgeCount = 0;
    }
}
