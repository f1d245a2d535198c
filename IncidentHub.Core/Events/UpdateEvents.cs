using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Events;

// Updates and their cadence: posted, skipped, snoozed, re-timed, and the nudges when one is late.

/// <summary>An update was posted. When it moved the status or severity, those events follow it.</summary>
[EventKind("update.posted")]
public sealed record UpdatePosted(long UpdateId, string Message, IncidentStatus Status, int SeverityId, string SeverityName, DateTimeOffset? NextUpdateDueAt) : IncidentEvent;

[EventKind("update.skipped")]
public sealed record UpdateSkipped(string Reason, DateTimeOffset? NextUpdateDueAt) : IncidentEvent;

[EventKind("update.reminder_snoozed")]
public sealed record ReminderSnoozed(int Minutes, DateTimeOffset DueAt) : IncidentEvent;

/// <param name="Overridden">False: back to the severity's default cadence.</param>
[EventKind("update.cadence_changed")]
public sealed record CadenceChanged(int Minutes, bool Overridden) : IncidentEvent;

/// <summary>
/// The lead was nudged for a missing update. Written by the nudge sweep in SQL (see
/// <c>UpdateNudgeSweeper</c>), so its payload is kept to what that statement can write.
/// </summary>
[EventKind("update.nudged")]
public sealed record UpdateNudged(string LeadId, int NudgeNumber) : IncidentEvent;
