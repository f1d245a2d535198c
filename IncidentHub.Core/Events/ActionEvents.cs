using IncidentHub.Core.Actions;

namespace IncidentHub.Core.Events;

// Actions during the incident (and follow-ups after it).

[EventKind("action.added")]
public sealed record ActionAdded(int ActionId, string Title, string? OwnerId, string? OwnerName) : IncidentEvent;

[EventKind("action.status_changed")]
public sealed record ActionStatusChanged(int ActionId, string Title, ActionStatus From, ActionStatus To) : IncidentEvent;

/// <summary>The action's owner changed (null: nobody owns it now).</summary>
[EventKind("action.owner_changed")]
public sealed record ActionOwnerChanged(int ActionId, string Title, string? OwnerId, string? OwnerName) : IncidentEvent;
