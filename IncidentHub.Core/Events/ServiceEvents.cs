namespace IncidentHub.Core.Events;

// The services an incident affects.

/// <summary>A service by id and by the name it had when the event happened.</summary>
public sealed record ServiceRef(int Id, string Name);

/// <summary>The incident's affected services changed: what was added, what was taken off, and the whole set now.</summary>
[EventKind("incident.services_changed")]
public sealed record AffectedServicesChanged(IReadOnlyList<ServiceRef> Added, IReadOnlyList<ServiceRef> Removed, IReadOnlyList<ServiceRef> Services) : IncidentEvent;
