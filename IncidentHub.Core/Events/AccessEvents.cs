namespace IncidentHub.Core.Events;

// Who may see a private incident. Only ids and names: a request's reason stays with the lead and admins.

/// <param name="LeadId">The lead who is asked (at the time of the request).</param>
[EventKind("access.requested")]
public sealed record AccessRequested(string UserId, string UserName, string LeadId) : IncidentEvent;

[EventKind("access.granted")]
public sealed record AccessGranted(string UserId, string UserName) : IncidentEvent;

[EventKind("access.refused")]
public sealed record AccessRefused(string UserId, string UserName) : IncidentEvent;

[EventKind("access.revoked")]
public sealed record AccessRevoked(string UserId, string UserName) : IncidentEvent;
