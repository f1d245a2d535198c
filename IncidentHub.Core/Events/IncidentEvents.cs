using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Events;

// The incident itself: declared, moved along its lifecycle, re-rated, edited, corrected, made private or not.

/// <summary>An incident was declared. Its lead and reporter roles come with it (no separate role events).</summary>
/// <param name="OpenChatChannel">Whether it asked for a channel in the connected chat system (the demo data does not).</param>
[EventKind("incident.declared")]
public sealed record IncidentDeclared(
    string Name,
    string Summary,
    string CustomerImpact,
    int SeverityId,
    string SeverityName,
    IncidentStatus Status,
    IncidentVisibility Visibility,
    string LeadId,
    string LeadName,
    string DeclaredById,
    bool OpenChatChannel) : IncidentEvent
{
    /// <summary>The services it affects from the start (none in events written before services existed).</summary>
    public IReadOnlyList<ServiceRef> Services { get; init; } = [];

    /// <summary>Its type (null when declared without one, as before there were types).</summary>
    public IncidentTypes.IncidentTypeRef? Type { get; init; }

    /// <summary>What its chat channel's name starts with instead of "inc" (the type's prefix; "" for "inc").</summary>
    public string ChannelPrefix { get; init; } = "";
}

/// <param name="PartOfUpdate">The status moved with an update (whose <see cref="UpdatePosted"/> comes first).</param>
[EventKind("incident.status_changed")]
public sealed record StatusChanged(IncidentStatus From, IncidentStatus To, bool PartOfUpdate = false) : IncidentEvent;

/// <param name="PartOfUpdate">The severity moved with an update (whose <see cref="UpdatePosted"/> comes first).</param>
[EventKind("incident.severity_changed")]
public sealed record SeverityChanged(int FromId, string FromName, int ToId, string ToName, bool PartOfUpdate = false) : IncidentEvent;

/// <summary>The name, summary or customer impact changed; <see cref="Fields"/> says which, the rest is the new text.</summary>
[EventKind("incident.details_edited")]
public sealed record DetailsEdited(IReadOnlyList<string> Fields, string Name, string Summary, string CustomerImpact) : IncidentEvent;

[EventKind("incident.key_time_corrected")]
public sealed record KeyTimeCorrected(IncidentTimestamp Which, DateTimeOffset? Before, DateTimeOffset After) : IncidentEvent;

[EventKind("incident.visibility_changed")]
public sealed record VisibilityChanged(IncidentVisibility From, IncidentVisibility To) : IncidentEvent;

/// <summary>
/// The lead changed the incident's type (<see cref="From"/> null when it had none). <see cref="Differences"/> names
/// the new type's defaults the incident does not follow: they were not applied, the lead was told.
/// </summary>
[EventKind("incident.type_changed")]
public sealed record IncidentTypeChanged(IncidentTypes.IncidentTypeRef? From, IncidentTypes.IncidentTypeRef To, IReadOnlyList<string> Differences) : IncidentEvent;
