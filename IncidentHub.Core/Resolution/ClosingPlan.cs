using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;

namespace IncidentHub.Core.Resolution;

/// <summary>
/// A published notice to decide on, with the services it still marks affected (publishing the resolution returns them
/// to operational).
/// </summary>
public sealed record LiveNoticeView(string Title, PublicStatus Status, DateTimeOffset? LastPublishedAt, Guid Version)
{
    public IReadOnlyList<string> AffectedServices { get; init; } = [];
}

/// <summary>
/// Everything still open when someone resolves, closes or declines an incident, with the choices the rules allow
/// and proposed texts, so the dialog shows it all in one place and derives nothing.
/// </summary>
public sealed record ClosingPlan(
    IncidentStatus Target,
    IncidentStatus Current,
    IReadOnlyList<ActionView> OpenActions,
    IReadOnlyList<ActionOutcome> ActionOutcomes,
    LiveNoticeView? Notice,
    bool CanPublish,
    IReadOnlyList<RoleHolder> HeldRoles,
    string ProposedUpdate,
    string ProposedNoticeTitle,
    string ProposedNoticeMessage)
{
    /// <summary>Resolving asks for a closing update; closing and declining for an optional note.</summary>
    public bool UpdateRequired => ClosingRules.UpdateRequired(Target);
}
