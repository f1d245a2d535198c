namespace IncidentHub.Core.Events;

// The post-incident flow: tasks handed out at resolution, done (and undone), and the nudges when they or follow-ups are late.

[EventKind("post_incident.task_completed")]
public sealed record PostIncidentTaskCompleted(int TaskId, string Name, string OwnerId) : IncidentEvent;

[EventKind("post_incident.task_reopened")]
public sealed record PostIncidentTaskReopened(int TaskId, string Name, string OwnerId) : IncidentEvent;

/// <summary>A post-incident task's owner was nudged: it is due, or still overdue (written by <c>PostIncidentNudgeSweeper</c>).</summary>
[EventKind("post_incident.task_nudged")]
public sealed record PostIncidentTaskNudged(int TaskId, string Name, string OwnerId, DateTimeOffset DueAt, int NudgeNumber) : IncidentEvent;

/// <summary>A follow-up's owner was nudged: on its due date, then every week while it is overdue.</summary>
[EventKind("follow_up.nudged")]
public sealed record FollowUpNudged(int ActionId, string Title, string OwnerId, DateTimeOffset DueAt, int NudgeNumber) : IncidentEvent;
