using IncidentHub.Core.Common;

namespace IncidentHub.Core.Incidents;

/// <summary>What an incident is now, as far as who may do what depends on it.</summary>
public sealed record IncidentStanding(
    IncidentStatus Status,
    string LeadId,
    string LeadName,
    string? CommunicationsLeadId,
    bool IsPrivate,
    bool ReminderRunning,
    string? HandoverToUserId = null,
    string? HandoverOfferedById = null)
{
    /// <summary>Who holds a role on it now (the reporter, the lead, ...): they act on it as responders do, Viewers included.</summary>
    public IReadOnlyCollection<string> RoleHolderIds { get; init; } = [];
}

/// <summary>
/// The one answer to "may this actor do X on this incident". The aggregate calls the <c>Ensure*</c> methods before it
/// changes anything; <see cref="IncidentDetail.Can"/> carries the same flags to the pages, so a control is offered
/// exactly when Core would accept it. Seeing a private incident is checked before this (by the command runner and the
/// queries): an actor who gets an instance may see the incident.
/// </summary>
public sealed class IncidentPermissions
{
    private readonly Actor? _actor;
    private readonly IncidentStanding _standing;

    private IncidentPermissions(Actor? actor, IncidentStanding standing)
    {
        _actor = actor;
        _standing = standing;
    }

    /// <summary>Nothing is allowed (a view built for nobody in particular).</summary>
    public static IncidentPermissions None { get; } =
        new(null, new IncidentStanding(IncidentStatus.Closed, "", "", null, IsPrivate: false, ReminderRunning: false));

    public static IncidentPermissions For(Actor actor, IncidentStanding standing)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(standing);
        return new IncidentPermissions(actor, standing);
    }

    private IncidentStatus Status => _standing.Status;

    private bool IsFinal => IncidentRules.IsFinal(Status);

    /// <summary>
    /// Responders and admins change incidents; so does anyone who holds a role on this one (who declared it, or was
    /// given a role), Viewers included, on this incident only. Restricted people (chat guests, bots) never do.
    /// </summary>
    public bool Respond => _actor is { IsRestricted: false } actor && (actor.CanRespond || HoldsRole);

    /// <summary>The actor holds a role on this incident now.</summary>
    public bool HoldsRole => _actor is not null && _standing.RoleHolderIds.Contains(_actor.UserId);

    /// <summary>The actor leads this incident.</summary>
    public bool IsLead => _actor is not null && _actor.UserId == _standing.LeadId;

    private bool LeadOrAdmin => Respond && (IsLead || _actor!.IsAdmin);

    public bool PostUpdate => Respond && !IsFinal;

    public bool AddNote => Respond && !IsFinal;

    public bool MarkKeyEvents => Respond;

    public bool ChangeStatus => Respond && NextStatuses.Count > 0;

    /// <summary>The statuses the status menu offers.</summary>
    public IReadOnlyList<IncidentStatus> NextStatuses => Respond ? IncidentLifecycle.NextStatuses(Status) : [];

    /// <summary>
    /// The statuses an update may move the incident to: every next status but Closed and Declined, which are their own
    /// deliberate step (the status menu), never a side effect of an update.
    /// </summary>
    public IReadOnlyList<IncidentStatus> UpdateStatuses => PostUpdate ? [.. NextStatuses.Where(UpdateMayMoveTo)] : [];

    public bool ChangeSeverity => Respond && !IsFinal;

    public bool EditDetails => Respond && !IsFinal;

    /// <summary>Name the services it affects: the same people who edit its details (the lead among them).</summary>
    public bool ChangeServices => Respond && !IsFinal;

    public bool ChangeRoles => Respond && !IsFinal;

    /// <summary>Change the incident's type: the lead (or an admin), while it is open.</summary>
    public bool ChangeType => LeadOrAdmin && !IsFinal;

    /// <summary>Actions and follow-ups outlive the incident: they stay editable once it is closed, not once declined.</summary>
    public bool ChangeActions => Respond && Status != IncidentStatus.Declined;

    /// <summary>Key times are corrected until the incident is closed; the resolution time only once it is resolved.</summary>
    public bool Correct(IncidentTimestamp which) =>
        Respond && !IsFinal && (which != IncidentTimestamp.Resolved || Status.HasReview());

    /// <summary>The written review is started once the incident is resolved (or closed), by anyone who responds.</summary>
    public bool StartReview => Respond && Status.HasReview();

    /// <summary>
    /// Post-incident tasks are done (and undone) once the incident is resolved or closed, by anyone who responds on it:
    /// the owner, the lead, any responder, admins.
    /// </summary>
    public bool CompleteTasks => Respond && Status.HasReview();

    /// <summary>
    /// Say that a suggested similar incident is not related (or take it back): anyone who may act on this incident, at
    /// any status (the learning goes on after it is closed).
    /// </summary>
    public bool MarkNotRelated => Respond;

    /// <summary>Anyone running a standard incident drafts its public notice.</summary>
    public bool DraftNotice => Respond && !IsFinal && !_standing.IsPrivate;

    /// <summary>The lead, the communications lead and admins publish (never a private or finished incident).</summary>
    public bool Publish => DraftNotice && (IsLead || _actor!.IsAdmin || (_standing.CommunicationsLeadId is { } comms && _actor!.UserId == comms));

    /// <summary>The lead and admins decide who can see it and read who looked.</summary>
    public bool ManageAccess => LeadOrAdmin;

    public bool ChangeVisibility => LeadOrAdmin && !IsFinal;

    /// <summary>Skip an update, snooze the reminder or change the cadence: the lead or an admin, while updates are due.</summary>
    public bool ManageReminder => LeadOrAdmin && Status.IsActive() && _standing.ReminderRunning;

    /// <summary>The "your update is overdue" banner: the lead, when they can act on it.</summary>
    public bool SeeUpdateDueBanner => IsLead && ManageReminder;

    /// <summary>Offer the lead to someone else (they accept it): the lead or an admin.</summary>
    public bool OfferLead => LeadOrAdmin && !IsFinal;

    /// <summary>Take the lead yourself, at once: anyone who changes roles.</summary>
    public bool TakeLead => ChangeRoles && !IsLead;

    /// <summary>
    /// The person a pending hand-over waits for says "I have it" or "not now" (a Viewer too: taking the lead gives them
    /// its role).
    /// </summary>
    public bool AnswerHandover =>
        _actor is { IsRestricted: false } actor && !IsFinal && _standing.HandoverToUserId is { } to && to == actor.UserId;

    /// <summary>
    /// Whether the actor may change anything on this incident at all: respond, or answer the hand-over offered to them.
    /// The command runner checks it before any change; each change then checks its own flag.
    /// </summary>
    public bool Act => Respond || AnswerHandover;

    /// <summary>The lead, whoever made the offer, and admins withdraw a pending hand-over.</summary>
    public bool WithdrawHandover =>
        Respond && _standing.HandoverToUserId is { } to && to != _actor!.UserId
        && (IsLead || _actor.IsAdmin || _actor.UserId == _standing.HandoverOfferedById);

    public static bool UpdateMayMoveTo(IncidentStatus status) => status is not (IncidentStatus.Closed or IncidentStatus.Declined);

    public void EnsureAct()
    {
        if (!Act)
        {
            RefuseRespond();
        }
    }

    public void EnsureRespond()
    {
        if (!Respond)
        {
            RefuseRespond();
        }
    }

    private void RefuseRespond() =>
        throw new ForbiddenException(_actor?.IsRestricted == true
            ? "You can follow this incident but not change it."
            : "Only the people on this incident (its roles), responders and admins can change it. Ask its lead for a role, or an admin for the Responder role.");

    public void EnsureMarkNotRelated() => EnsureRespond();

    public void EnsurePostUpdate() => EnsureWhileOpen(PostUpdate, "post an update");

    /// <summary>An update never closes or declines the incident.</summary>
    public void EnsureUpdateMayMoveTo(IncidentStatus status)
    {
        if (!UpdateMayMoveTo(status))
        {
            throw new DomainException(status == IncidentStatus.Closed
                ? "An update cannot close the incident. Post the update, then close it from \"Change status\"."
                : "An update cannot decline the incident. Decline it from \"Change status\".");
        }
    }

    public void EnsureAddNote() => EnsureWhileOpen(AddNote, "add notes");

    public void EnsureChangeSeverity() => EnsureWhileOpen(ChangeSeverity, "change the severity");

    public void EnsureEditDetails() => EnsureWhileOpen(EditDetails, "edit the details");

    public void EnsureChangeServices() => EnsureWhileOpen(ChangeServices, "change the affected services");

    public void EnsureChangeType()
    {
        EnsureLeadOrAdmin("change the type");
        EnsureWhileOpen(ChangeType, "change the type");
    }

    public void EnsureChangeRoles() => EnsureWhileOpen(ChangeRoles, "change roles");

    public void EnsureChangeActions(string what) => EnsureWhileOpen(ChangeActions, what);

    public void EnsureCorrect(IncidentTimestamp which)
    {
        EnsureWhileOpen(Respond && !IsFinal, "correct its key times");
        if (!Correct(which))
        {
            throw new DomainException("The incident is not resolved yet, so there is no resolution time to correct.");
        }
    }

    public void EnsureStartReview()
    {
        EnsureRespond();
        if (!StartReview)
        {
            throw new DomainException(Status == IncidentStatus.Declined
                ? "The incident was declined: there is nothing to review."
                : $"The incident is {Status}; its review is written once it is resolved.");
        }
    }

    public void EnsureCompleteTasks()
    {
        EnsureRespond();
        if (!CompleteTasks)
        {
            throw new DomainException($"The incident is {Status}; its post-incident tasks are done once it is resolved.");
        }
    }

    public void EnsureManageAccess() => EnsureLeadOrAdmin("decide who can see it");

    public void EnsureChangeVisibility()
    {
        EnsureLeadOrAdmin("change who can see it");
        EnsureWhileOpen(ChangeVisibility, "change who can see it");
    }

    public void EnsureManageReminder(string what)
    {
        if (!Status.IsActive() || !_standing.ReminderRunning)
        {
            throw new DomainException($"The incident is {Status}; there are no more updates due, so you cannot {what}.");
        }

        EnsureLeadOrAdmin(what);
    }

    public void EnsureDraftNotice()
    {
        EnsureStandard();
        EnsureWhileOpen(DraftNotice, "draft its public notice");
    }

    public void EnsurePublish()
    {
        EnsureStandard();
        EnsureWhileOpen(DraftNotice, "publish to the status page");
        if (!Publish)
        {
            throw new ForbiddenException($"Only the incident lead ({_standing.LeadName}), the communications lead or an admin can publish. You can save a draft for them.");
        }
    }

    private void EnsureStandard()
    {
        if (_standing.IsPrivate)
        {
            throw new DomainException("A private incident never appears on the public status page.");
        }
    }

    private void EnsureLeadOrAdmin(string what)
    {
        EnsureRespond();
        if (!LeadOrAdmin)
        {
            throw new ForbiddenException($"Only the incident lead ({_standing.LeadName}) or an admin can {what}.");
        }
    }

    private void EnsureWhileOpen(bool allowed, string what)
    {
        EnsureRespond();
        if (!allowed)
        {
            throw new DomainException($"The incident is {Status}; you can no longer {what}.");
        }
    }
}
