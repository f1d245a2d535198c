namespace IncidentHub.Core.Incidents;

/// <summary>
/// What may happen to an incident in each status. The aggregate enforces these; the pages read the same rules (through
/// <see cref="IncidentDetail"/>) to decide which controls to offer, so a control is never offered only to fail.
/// </summary>
public static class IncidentRules
{
    /// <summary>Closed and Declined: the record is finished.</summary>
    public static bool IsFinal(IncidentStatus status) => status is IncidentStatus.Closed or IncidentStatus.Declined;

    public static bool CanPostUpdate(IncidentStatus status) => !IsFinal(status);

    public static bool CanChangeSeverity(IncidentStatus status) => !IsFinal(status);

    public static bool CanEditDetails(IncidentStatus status) => !IsFinal(status);

    public static bool CanChangeRoles(IncidentStatus status) => !IsFinal(status);

    public static bool CanAddNotes(IncidentStatus status) => !IsFinal(status);

    /// <summary>Actions and follow-ups outlive the incident: they stay editable once it is closed, not once declined.</summary>
    public static bool CanChangeActions(IncidentStatus status) => status != IncidentStatus.Declined;

    /// <summary>Key times are corrected until the incident is closed; the resolution time only once it is resolved.</summary>
    public static bool CanCorrect(IncidentStatus status, IncidentTimestamp which) =>
        !IsFinal(status) && (which != IncidentTimestamp.Resolved || status.HasReview());

    /// <summary>The lead, the communications lead and admins publish to the status page (never a private incident).</summary>
    public static bool CanPublish(Common.Actor actor, string leadId, string? communicationsLeadId, bool isPrivate) =>
        actor is not null && !isPrivate && (actor.IsAdmin || actor.UserId == leadId || (communicationsLeadId is not null && actor.UserId == communicationsLeadId));

    /// <summary>How long it has been open (active) or lasted (finished).</summary>
    public static TimeSpan OpenFor(DateTimeOffset declaredAt, DateTimeOffset? endedAt, DateTimeOffset now)
    {
        var span = (endedAt ?? now) - declaredAt;
        return span < TimeSpan.Zero ? TimeSpan.Zero : span;
    }
}
