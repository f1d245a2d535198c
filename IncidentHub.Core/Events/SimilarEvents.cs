namespace IncidentHub.Core.Events;

// Similar past incidents: what people said about the suggestions. Only the other incident's id and number, never its
// name: it may be private to people this incident's members are not.

/// <summary>Incident <see cref="OtherNumber"/> was marked as not related to this one: it is suggested no more, either way.</summary>
[EventKind("similar.marked_not_related")]
public sealed record MarkedNotRelated(int OtherIncidentId, int OtherNumber) : IncidentEvent;

/// <summary>The "not related" mark between this incident and <see cref="OtherNumber"/> was taken back.</summary>
[EventKind("similar.not_related_undone")]
public sealed record NotRelatedUndone(int OtherIncidentId, int OtherNumber, string MarkedByName) : IncidentEvent;
