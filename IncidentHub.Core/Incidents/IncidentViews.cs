using IncidentHub.Core.Actions;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;

namespace IncidentHub.Core.Incidents;

/// <summary>One row of the dashboard or the incidents list.</summary>
public sealed record IncidentListItem(
    int Id,
    int Number,
    string Name,
    IncidentStatus Status,
    int SeverityId,
    string SeverityName,
    int SeverityRank,
    string LeadId,
    string LeadName,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? LastUpdateAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? UpdateDueAt,
    bool IsPrivate = false)
{
    public string Reference => IncidentReference.Format(Number);

    /// <summary>How long it has been open, or how long it lasted.</summary>
    public TimeSpan OpenFor(DateTimeOffset now) => IncidentRules.OpenFor(DeclaredAt, EndedAt, now);

    /// <summary>The services it affects, in the admins' order.</summary>
    public IReadOnlyList<AffectedServices.AffectedServiceView> Services { get; init; } = [];

    /// <summary>Its type (null when it has none).</summary>
    public IncidentTypes.IncidentTypeRef? Type { get; init; }
}

public sealed record SeverityView(int Id, string Name, int Rank, string Guidance, bool IsArchived, int UpdateCadenceMinutes = Reminders.UpdateCadence.DefaultMinutes, Guid Version = default);

/// <summary>Everything the incident page shows at a glance.</summary>
public sealed record IncidentDetail(
    int Id,
    int Number,
    string Name,
    string Summary,
    string CustomerImpact,
    IncidentStatus Status,
    SeverityView Severity,
    string LeadId,
    string LeadName,
    string DeclaredById,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ImpactStartedAt,
    DateTimeOffset? DetectedAt,
    DateTimeOffset? MitigatedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? DeclinedAt,
    DateTimeOffset? LastUpdateAt,
    Guid Version,
    IReadOnlyList<RoleHolder> Roles,
    IReadOnlyList<ActionView> Actions,
    IncidentVisibility Visibility,
    CadenceView Cadence,
    HandoverView? Handover = null)
{
    public string Reference => IncidentReference.Format(Number);


    public bool IsActive => Status.IsActive();

    public bool IsPrivate => Visibility == IncidentVisibility.Private;

    public IncidentDetails Details => new(Name, Summary, CustomerImpact);

    public DateTimeOffset? EndedAt => ResolvedAt ?? DeclinedAt;

    /// <summary>How long it has been open, or how long it lasted.</summary>
    public TimeSpan OpenFor(DateTimeOffset now) => IncidentRules.OpenFor(DeclaredAt, EndedAt, now);

    /// <summary>
    /// What the viewer this detail was loaded for may do: the same <see cref="IncidentPermissions"/> the aggregate
    /// enforces, so a page offers a control exactly when Core would accept it.
    /// </summary>
    public IncidentPermissions Can { get; init; } = IncidentPermissions.None;

    /// <summary>The services it affects, in the admins' order.</summary>
    public IReadOnlyList<AffectedServices.AffectedServiceView> Services { get; init; } = [];

    /// <summary>Its type with the type's defaults (null when it has none).</summary>
    public IncidentTypes.IncidentTypeView? Type { get; init; }

    /// <summary>The type's defaults this incident does not follow, in words (for the lead to decide on).</summary>
    public IReadOnlyList<string> TypeDifferences { get; init; } = [];

    public DateTimeOffset? Get(IncidentTimestamp which) => IncidentTimestamps.Pick(which, ImpactStartedAt, DetectedAt, MitigatedAt, ResolvedAt);

    /// <summary>The roles the given user holds on this incident.</summary>
    public IEnumerable<RoleHolder> RolesOf(string userId) => Roles.Where(r => r.UserId == userId);
}

/// <summary>A role on an incident and who holds it now (nobody when <see cref="UserId"/> is null).</summary>
public sealed record RoleHolder(
    int RoleDefinitionId,
    string RoleName,
    IncidentRoleKind Kind,
    string Instructions,
    string? UserId,
    string? UserName,
    DateTimeOffset? Since,
    bool RoleArchived = false)
{
    public bool IsAssignable => Kind != IncidentRoleKind.Reporter;

    /// <summary>Can be given to someone (else): assignable and not removed by an admin.</summary>
    public bool CanAssign => IsAssignable && !RoleArchived;

    /// <summary>Its holder can be taken off it (the lead is handed over instead).</summary>
    public bool CanUnassign => IsAssignable && Kind != IncidentRoleKind.Lead && UserId is not null;
}

/// <summary>A hand-over of the lead waiting for the incoming lead's "I have it".</summary>
public sealed record HandoverView(string FromUserId, string FromName, string ToUserId, string ToName, string Note, string OfferedById, string OfferedByName, DateTimeOffset OfferedAt);

public sealed record ActionView(
    int Id,
    string Title,
    string? OwnerId,
    string? OwnerName,
    ActionStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    FollowUps.ActionKind Kind = FollowUps.ActionKind.DuringIncident,
    DateTimeOffset? DueAt = null,
    FollowUps.FollowUpPriority Priority = FollowUps.FollowUpPriority.Medium,
    string? NotDoingReason = null,
    string? TrackerUrl = null)
{
    public bool IsFollowUp => Kind == FollowUps.ActionKind.FollowUp;

    public bool IsOverdue(DateTimeOffset now) => Status == ActionStatus.Outstanding && DueAt is { } due && now >= due;
}

public sealed record TimelineEntryView(
    long Id,
    TimelineEntryKind Kind,
    TimelineSource Source,
    string? ActorId,
    string ActorName,
    string Text,
    string? Detail,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    bool IsHighlighted,
    DateTimeOffset? TimeBefore = null,
    DateTimeOffset? TimeAfter = null)
{
    /// <summary>For a message mirrored from a chat channel: its thread, edits and images.</summary>
    public Chat.ChatMessageView? Chat { get; init; }

    public static System.Linq.Expressions.Expression<Func<Timeline.TimelineEntry, TimelineEntryView>> FromEntry { get; } = e =>
        new TimelineEntryView(e.Id, e.Kind, e.Source, e.ActorId, e.ActorName, e.Text, e.Detail, e.OccurredAt, e.RecordedAt, e.IsHighlighted, e.TimeBefore, e.TimeAfter);
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}
