using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;

namespace IncidentHub.Core.Reviews;

/// <summary>What the review of a resolved or closed incident shows: the record, and the written review once started.</summary>
public sealed record IncidentReview(
    IncidentDetail Incident,
    IncidentDurations Durations,
    IReadOnlyList<TimelineEntryView> KeyEvents,
    IReadOnlyList<UpdateView> Updates,
    IReadOnlyList<RoleHistoryItem> RoleHistory,
    CadenceAdherence Adherence,
    ReviewDocumentView? Document = null);

public sealed record UpdateView(long Id, string AuthorName, string Message, IncidentStatus Status, string SeverityName, DateTimeOffset PostedAt, DateTimeOffset? DueAt)
{
    public bool WasLate => DueAt is { } due && PostedAt > due;
}

/// <summary>Someone held a role from <see cref="From"/> to <see cref="Until"/> (null: still holds it).</summary>
public sealed record RoleHistoryItem(string RoleName, IncidentRoleKind Kind, string UserName, DateTimeOffset From, DateTimeOffset? Until);
