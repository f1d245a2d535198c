using IncidentHub.Core.FollowUps;

namespace IncidentHub.Core.Events;

// Follow-ups: actions for after the incident.

[EventKind("follow_up.added")]
public sealed record FollowUpAdded(int ActionId, string Title, string? OwnerId, string? OwnerName, DateTimeOffset? DueAt, FollowUpPriority Priority, string? TrackerUrl) : IncidentEvent;

/// <summary>An outstanding action from the incident is kept as a follow-up.</summary>
[EventKind("follow_up.kept")]
public sealed record ActionKeptAsFollowUp(int ActionId, string Title, DateTimeOffset? DueAt, FollowUpPriority Priority) : IncidentEvent;

[EventKind("follow_up.planned")]
public sealed record FollowUpPlanned(int ActionId, string Title, DateTimeOffset? DueAt, FollowUpPriority Priority, string? TrackerUrl) : IncidentEvent;

[EventKind("follow_up.not_doing")]
public sealed record FollowUpDropped(int ActionId, string Title, string Reason) : IncidentEvent;
