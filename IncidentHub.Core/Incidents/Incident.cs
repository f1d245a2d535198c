using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Severities;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Core.Users;

namespace IncidentHub.Core.Incidents;

/// <summary>
/// The incident aggregate. Every change goes through a method here that checks the rules, changes state, appends
/// what happened to the timeline and records it as an <see cref="IncidentEvent"/> (saved to the event log with the
/// change by <see cref="IncidentEventPipeline"/>). "Now" is always passed in; the aggregate never reads a clock.
/// </summary>
/// <remarks>
/// Load it with its current role assignments and its actions. The timeline and updates are append-only: new entries
/// are added to collections that are not loaded, and EF inserts them.
/// </remarks>
public sealed partial class Incident
{
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<IncidentUpdate> _updates = [];
    private readonly List<IncidentAction> _actions = [];
    private readonly List<RoleAssignment> _roleAssignments = [];
    private readonly List<StatusPeriod> _statusPeriods = [];
    private readonly List<AffectedServices.AffectedService> _affectedServices = [];
    private readonly List<PendingIncidentEvent> _events = [];

    private Incident()
    {
    }

    public int Id { get; private set; }

    /// <summary>The n in INC-n. Unique, assigned at declaration.</summary>
    public int Number { get; private set; }

    public string Reference => IncidentReference.Format(Number);

    public string Name { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public string CustomerImpact { get; private set; } = "";

    public int SeverityId { get; private set; }

    public Severity Severity { get; private set; } = null!;

    public IncidentStatus Status { get; private set; }

    public IncidentVisibility Visibility { get; private set; } = IncidentVisibility.Standard;

    public bool IsPrivate => Visibility == IncidentVisibility.Private;

    /// <summary>The current Incident Lead (denormalised from the role assignments for fast lists).</summary>
    public string LeadId { get; private set; } = "";

    public string LeadName { get; private set; } = "";

    public string DeclaredById { get; private set; } = "";

    public DateTimeOffset DeclaredAt { get; private set; }

    public DateTimeOffset? ImpactStartedAt { get; private set; }

    public DateTimeOffset? DetectedAt { get; private set; }

    public DateTimeOffset? MitigatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? DeclinedAt { get; private set; }

    /// <summary>When the incident stopped: resolved or declined.</summary>
    public DateTimeOffset? EndedAt => ResolvedAt ?? DeclinedAt;

    public DateTimeOffset? LastUpdateAt { get; private set; }

    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>Changes on every save; EF refuses a save whose version moved underneath it.</summary>
    public Guid Version { get; private set; }

    /// <summary>When the next update is due and when the lead is next nudged.</summary>
    public UpdateReminder Reminder { get; private set; } = null!;

    public IReadOnlyCollection<TimelineEntry> Timeline => _timeline.AsReadOnly();

    public IReadOnlyCollection<IncidentUpdate> Updates => _updates.AsReadOnly();

    public IReadOnlyCollection<IncidentAction> Actions => _actions.AsReadOnly();

    public IReadOnlyCollection<RoleAssignment> RoleAssignments => _roleAssignments.AsReadOnly();

    /// <summary>How long it spent in each status. Load the current period only (the one with no end) for a change.</summary>
    public IReadOnlyCollection<StatusPeriod> StatusPeriods => _statusPeriods.AsReadOnly();

    /// <summary>The services it affects now (load them with the incident for a change).</summary>
    public IReadOnlyCollection<AffectedServices.AffectedService> AffectedServices => _affectedServices.AsReadOnly();

    public bool IsActive => Status.IsActive();

    /// <summary>What this aggregate recorded since it was loaded, oldest first; saved with the change.</summary>
    internal IReadOnlyList<PendingIncidentEvent> PendingEvents => _events;

    /// <summary>The events recorded so far, as they would be saved (ids of rows not yet saved are 0).</summary>
    internal IReadOnlyList<IncidentEvent> RecordedEvents => [.. _events.Select(e => e.Build())];

    internal void ClearPendingEvents() => _events.Clear();

    public static Incident Declare(
        int number,
        DeclareIncidentRequest request,
        Severity severity,
        UserRef lead,
        RoleDefinition leadRole,
        RoleDefinition reporterRole,
        Actor declarer,
        DateTimeOffset now,
        IReadOnlyCollection<StatusPage.StatusComponent>? services = null,
        IncidentTypes.IncidentType? type = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        EnsureUsable(severity);
        services ??= [];
        EnsureUsable(services);
        if (leadRole.Kind != IncidentRoleKind.Lead || reporterRole.Kind != IncidentRoleKind.Reporter)
        {
            throw new ArgumentException("The lead and reporter role definitions are required.");
        }

        var incident = new Incident
        {
            Number = number,
            Name = request.Name.Trim(),
            Summary = Normalise(request.Summary),
            CustomerImpact = Normalise(request.CustomerImpact),
            Severity = severity,
            SeverityId = severity.Id,
            Status = IncidentStatus.Triage,
            Visibility = request.IsPrivate ? IncidentVisibility.Private : IncidentVisibility.Standard,
            DeclaredById = declarer.UserId,
            DeclaredAt = now,
            DetectedAt = now,
            LastChangedAt = now,
            Version = Guid.NewGuid(),
        };

        incident._statusPeriods.Add(new StatusPeriod(IncidentStatus.Triage, now));
        incident._roleAssignments.Add(new RoleAssignment(reporterRole, declarer.UserId, declarer.DisplayName, now));
        incident._roleAssignments.Add(new RoleAssignment(leadRole, lead.Id, lead.DisplayName, now));
        incident.LeadId = lead.Id;
        incident.LeadName = lead.DisplayName;
        incident.Reminder = new UpdateReminder(lead.Id, severity.UpdateCadenceMinutes, now);
        foreach (var service in services.DistinctBy(s => s.Id))
        {
            incident._affectedServices.Add(new AffectedServices.AffectedService(service, now));
        }

        if (type is { IsArchived: true })
        {
            throw ValidationFailedException.For(nameof(request.TypeId), $"{type.Name} has been archived by an admin: pick one of the listed types.");
        }

        var facts = new List<string> { $"Severity {severity.Name}", "Triage" };
        if (type is not null)
        {
            incident.ApplyTypeAtDeclaration(type, facts);
        }

        if (incident.IsPrivate)
        {
            facts.Add(request.IsPrivate || type is null ? "Private" : $"Private ({type.Name} default)");
        }

        if (incident._affectedServices.Count > 0)
        {
            facts.Add("Affects " + ServiceList(incident._affectedServices.Select(a => a.Service.Name)));
        }

        var leadText = lead.Id == declarer.UserId ? "leading it" : $"with {lead.DisplayName} as lead";
        var entry = incident.Append(new TimelineEntry(
            TimelineEntryKind.Declared,
            declarer,
            $"{declarer.DisplayName} declared the incident, {leadText}.",
            now,
            now,
            string.Join(" · ", facts)).Highlighted());
        incident.Record(declarer, now, entry, new IncidentDeclared(
            incident.Name, incident.Summary, incident.CustomerImpact, severity.Id, severity.Name, incident.Status, incident.Visibility,
            lead.Id, lead.DisplayName, declarer.UserId, request.OpenChatChannel)
        {
            // None: the shared empty list, so a declaration without services equals one written before services existed.
            Services = incident._affectedServices.Count == 0 ? [] : [.. incident._affectedServices.Select(a => new ServiceRef(a.ServiceId, a.Service.Name))],
            Type = type is null ? null : new IncidentTypes.IncidentTypeRef(type.Id, type.Name),
            ChannelPrefix = type?.ChannelPrefix ?? "",
        });
        return incident;
    }

    /// <summary>Posts an update, optionally moving the status and severity in the same step.</summary>
    public IncidentUpdate PostUpdate(Actor actor, PostUpdateRequest request, Severity? newSeverity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        var can = PermissionsFor(actor);
        can.EnsurePostUpdate();

        if (newSeverity is not null && newSeverity.Id != SeverityId)
        {
            // Checked before the status moves, so that a refused update leaves the incident as it was.
            EnsureUsable(newSeverity);
        }

        if (request.NewStatus is not null && request.ExpectedStatus is { } seenStatus && seenStatus != Status)
        {
            throw new ConflictException(
                $"Someone else moved the incident to {Status} while you were writing. Your update was not posted and your text is kept: check the status and post again.");
        }

        if (request.NewSeverityId is not null && request.ExpectedSeverityId is { } seenSeverity && seenSeverity != SeverityId)
        {
            throw new ConflictException(
                $"Someone else changed the severity to {Severity.Name} while you were writing. Your update was not posted and your text is kept: check the severity and post again.");
        }

        var dueAt = Reminder.DueAt;
        var changes = new List<string>();
        if (request.NewStatus is { } status && status != Status)
        {
            IncidentLifecycle.EnsureCanMove(Status, status);
            can.EnsureUpdateMayMoveTo(status);
        }

        StatusChanged? statusChanged = null;
        if (request.NewStatus is { } newStatus && newStatus != Status)
        {
            changes.Add($"status {Status} → {newStatus}");
            statusChanged = new StatusChanged(Status, newStatus, PartOfUpdate: true);
            ApplyStatus(newStatus, now);
        }

        SeverityChanged? severityChanged = null;
        if (newSeverity is not null && newSeverity.Id != SeverityId)
        {
            changes.Add($"severity {Severity.Name} → {newSeverity.Name}");
            severityChanged = new SeverityChanged(SeverityId, Severity.Name, newSeverity.Id, newSeverity.Name, PartOfUpdate: true);
            Severity = newSeverity;
            SeverityId = newSeverity.Id;
            FollowSeverityCadence();
        }

        var update = new IncidentUpdate(actor.UserId, actor.DisplayName, request.Message.Trim(), Status, SeverityId, Severity.Name, now, dueAt);
        _updates.Add(update);
        LastUpdateAt = now;
        if (Status.IsActive())
        {
            Reminder.Restart(now);
        }

        var entry = Append(new TimelineEntry(
            TimelineEntryKind.Update,
            actor,
            update.Message,
            now,
            now,
            changes.Count == 0 ? $"{Status} · {Severity.Name}" : "Changed " + string.Join(", ", changes)));
        entry.LinkUpdate(update);
        if (changes.Count > 0)
        {
            // A milestone: the status or severity moved.
            entry.SetHighlighted(true);
        }

        var nextDue = Reminder.DueAt;
        Record(actor, now, entry, () => new UpdatePosted(update.Id, update.Message, update.Status, update.SeverityId, update.SeverityName, nextDue));
        if (statusChanged is not null)
        {
            Record(actor, now, entry, statusChanged);
        }

        if (severityChanged is not null)
        {
            Record(actor, now, entry, severityChanged);
        }

        LapseHandover(actor, now);
        Touch(now);
        return update;
    }

    public void ChangeStatus(Actor actor, IncidentStatus expectedStatus, IncidentStatus newStatus, DateTimeOffset now)
    {
        if (Status != expectedStatus)
        {
            throw new ConflictException(
                $"Someone else changed the status to {Status} a moment ago. Nothing was changed: check the current status and try again.");
        }

        IncidentLifecycle.EnsureCanMove(Status, newStatus);
        var from = Status;
        ApplyStatus(newStatus, now);
        var verb = (from, newStatus) switch
        {
            (IncidentStatus.Resolved, IncidentStatus.Investigating) => "reopened the incident",
            (_, IncidentStatus.Resolved) => "resolved the incident",
            (_, IncidentStatus.Closed) => "closed the incident",
            (_, IncidentStatus.Declined) => "declined the incident",
            (IncidentStatus.Triage, _) => $"accepted the incident as {newStatus}",
            _ => $"moved the incident to {newStatus}",
        };
        var entry = Append(new TimelineEntry(TimelineEntryKind.StatusChanged, actor, $"{actor.DisplayName} {verb}.", now, now, $"{from} → {newStatus}").Highlighted());
        Record(actor, now, entry, new StatusChanged(from, newStatus));
        LapseHandover(actor, now);
        Touch(now);
    }

    public void ChangeSeverity(Actor actor, int expectedSeverityId, Severity severity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(severity);
        PermissionsFor(actor).EnsureChangeSeverity();
        if (SeverityId != expectedSeverityId)
        {
            throw new ConflictException(
                $"Someone else changed the severity to {Severity.Name} a moment ago. Nothing was changed: check it and try again.");
        }

        if (severity.Id == SeverityId)
        {
            throw new DomainException($"The incident is already {severity.Name}.");
        }

        EnsureUsable(severity);
        var from = Severity.Name;
        var fromId = SeverityId;
        var direction = severity.Rank > Severity.Rank ? "raised" : "lowered";
        Severity = severity;
        SeverityId = severity.Id;
        FollowSeverityCadence();
        var entry = Append(new TimelineEntry(TimelineEntryKind.SeverityChanged, actor, $"{actor.DisplayName} {direction} the severity to {severity.Name}.", now, now, $"{from} → {severity.Name}").Highlighted());
        Record(actor, now, entry, new SeverityChanged(fromId, from, severity.Id, severity.Name));
        Touch(now);
    }

    /// <summary>
    /// Edits name, summary and customer impact. <paramref name="expected"/> is what the editor started from: a field
    /// someone else changed meanwhile is a conflict, never a silent overwrite.
    /// </summary>
    public void EditDetails(Actor actor, IncidentDetails expected, EditIncidentDetailsRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        PermissionsFor(actor).EnsureEditDetails();

        var current = new IncidentDetails(Name, Summary, CustomerImpact);
        // A field the editor left as they found it is not part of their edit: it keeps its current value, even when
        // someone else changed it meanwhile.
        var name = Edited(request.Name, expected.Name, Name);
        var summary = Edited(request.Summary, expected.Summary, Summary);
        var impact = Edited(request.CustomerImpact, expected.CustomerImpact, CustomerImpact);

        var stale = new List<string>();
        if (name != current.Name && expected.Name != current.Name)
        {
            stale.Add("name");
        }

        if (summary != current.Summary && Normalise(expected.Summary) != current.Summary)
        {
            stale.Add("summary");
        }

        if (impact != current.CustomerImpact && Normalise(expected.CustomerImpact) != current.CustomerImpact)
        {
            stale.Add("customer impact");
        }

        if (stale.Count > 0)
        {
            throw new ConflictException(
                $"Someone else edited the {string.Join(" and ", stale)} while you were editing. Your text was kept in the form: compare it with theirs and save again.");
        }

        var changed = new List<string>();
        if (name != Name)
        {
            changed.Add("name");
            Name = name;
        }

        if (summary != Summary)
        {
            changed.Add("summary");
            Summary = summary;
        }

        if (impact != CustomerImpact)
        {
            changed.Add("customer impact");
            CustomerImpact = impact;
        }

        if (changed.Count == 0)
        {
            return;
        }

        var entry = Append(new TimelineEntry(
            TimelineEntryKind.DetailsEdited,
            actor,
            $"{actor.DisplayName} edited the {string.Join(", ", changed)}.",
            now,
            now,
            changed.Contains("name") ? $"Name: {Name}" : null));
        Record(actor, now, entry, new DetailsEdited(changed, Name, Summary, CustomerImpact));
        Touch(now);
    }

    /// <summary>
    /// Gives <paramref name="role"/> to <paramref name="user"/>. For the lead this is a hand-over. Each role has one
    /// holder at a time. <paramref name="expectedHolderId"/> is who the assigner saw holding it (null for nobody).
    /// </summary>
    public void AssignRole(Actor actor, RoleDefinition role, UserRef user, string? expectedHolderId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(user);
        PermissionsFor(actor).EnsureChangeRoles();
        if (!role.IsAssignable)
        {
            throw new DomainException($"{role.Name} is set when the incident is declared and cannot be reassigned.");
        }

        if (role.IsArchived)
        {
            throw new DomainException($"The role {role.Name} has been removed by an admin.");
        }

        var current = CurrentHolder(role.Id);
        if (current?.UserId != expectedHolderId)
        {
            var holder = current is null ? "nobody" : current.UserName;
            throw new ConflictException(
                $"Someone else changed the {role.Name} a moment ago (now {holder}). Nothing was changed: check and try again.");
        }

        if (current?.UserId == user.Id)
        {
            throw new DomainException($"{user.DisplayName} is already the {role.Name}.");
        }

        if (role.Kind == IncidentRoleKind.Lead)
        {
            var from = LeadName;
            var text = actor.UserId == user.Id
                ? $"{user.DisplayName} took the lead from {from}."
                : actor.UserId == current?.UserId || actor.IsSystem
                    ? $"{from} handed the lead to {user.DisplayName}."
                    : $"{actor.DisplayName} handed the lead from {from} to {user.DisplayName}.";
            TakeOverLead(actor, role, current, user, text, note: null, now);
        }
        else
        {
            current?.End(now);
            _roleAssignments.Add(new RoleAssignment(role, user.Id, user.DisplayName, now));
            var text = current is null
                ? $"{actor.DisplayName} made {user.DisplayName} the {role.Name}."
                : $"{actor.DisplayName} made {user.DisplayName} the {role.Name}, taking over from {current.UserName}.";
            var entry = Append(new TimelineEntry(TimelineEntryKind.RoleAssigned, actor, text, now, now));
            Record(actor, now, entry, new RoleAssigned(role.Id, role.Name, role.Kind, user.Id, user.DisplayName, current?.UserId));
        }

        Touch(now);
    }

    public void UnassignRole(Actor actor, RoleDefinition role, string expectedHolderId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(role);
        PermissionsFor(actor).EnsureChangeRoles();
        if (role.Kind == IncidentRoleKind.Lead)
        {
            throw new DomainException("An active incident always has an Incident Lead. Hand the lead to someone else instead.");
        }

        if (!role.IsAssignable)
        {
            throw new DomainException($"{role.Name} is set when the incident is declared and cannot be removed.");
        }

        var current = CurrentHolder(role.Id);
        if (current is null || current.UserId != expectedHolderId)
        {
            throw new ConflictException($"Someone else changed the {role.Name} a moment ago. Nothing was changed: check and try again.");
        }

        current.End(now);
        var entry = Append(new TimelineEntry(TimelineEntryKind.RoleUnassigned, actor, $"{actor.DisplayName} removed {current.UserName} as {role.Name}.", now, now));
        Record(actor, now, entry, new RoleUnassigned(role.Id, role.Name, current.UserId, current.UserName));
        Touch(now);
    }

    public TimelineEntry AddNote(Actor actor, AddNoteRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        PermissionsFor(actor).EnsureAddNote();
        var entry = Append(new TimelineEntry(TimelineEntryKind.Note, actor, request.Text.Trim(), now, now));
        if (request.Highlight)
        {
            entry.SetHighlighted(true);
        }

        Record(actor, now, entry, () => new NoteAdded(entry.Id, entry.Text, entry.IsHighlighted));
        Touch(now);
        return entry;
    }

    /// <summary>Corrects one of the key moments. The correction is recorded on the timeline.</summary>
    public void CorrectTimestamp(Actor actor, IncidentTimestamp which, DateTimeOffset? expected, DateTimeOffset value, DateTimeOffset now)
    {
        PermissionsFor(actor).EnsureCorrect(which);
        var current = Get(which);
        if (!SameInstant(current, expected))
        {
            throw new ConflictException(
                $"Someone else changed {which.Label().ToLowerInvariant()} a moment ago. Nothing was changed: check it and try again.");
        }

        if (value > now)
        {
            throw ValidationFailedException.For("Value", $"{which.Label()} cannot be in the future.");
        }

        var proposed = IncidentTimestamps.All.ToDictionary(t => t, t => t == which ? value : Get(t));
        for (var i = 0; i < IncidentTimestamps.All.Count; i++)
        {
            for (var j = i + 1; j < IncidentTimestamps.All.Count; j++)
            {
                var earlier = IncidentTimestamps.All[i];
                var later = IncidentTimestamps.All[j];
                if (proposed[earlier] is { } e && proposed[later] is { } l && e > l && (earlier == which || later == which))
                {
                    throw ValidationFailedException.For("Value", $"{earlier.Label()} must not be after {later.Label().ToLowerInvariant()}.");
                }
            }
        }

        Set(which, value);
        var detail = current is null
            ? $"Set to {IncidentTimestamps.Utc(value)}"
            : $"Was {IncidentTimestamps.Utc(current.Value)}, now {IncidentTimestamps.Utc(value)}";
        var entry = Append(new TimelineEntry(
            TimelineEntryKind.TimestampCorrected,
            actor,
            $"{actor.DisplayName} corrected the time of the {which.Noun()}.",
            now,
            now,
            detail).WithTimes(current, value));
        Record(actor, now, entry, new KeyTimeCorrected(which, current, value));
        Touch(now);
    }

    public IncidentAction AddAction(Actor actor, AddActionRequest request, UserRef? owner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        PermissionsFor(actor).EnsureChangeActions("add actions");

        var action = new IncidentAction(request.Title.Trim(), owner?.Id, owner?.DisplayName, actor, now);
        _actions.Add(action);
        var ownerText = owner is null ? "with no owner yet" : $"for {owner.DisplayName}";
        var entry = Append(new TimelineEntry(TimelineEntryKind.ActionAdded, actor, $"{actor.DisplayName} added an action {ownerText}: {action.Title}", now, now));
        Record(actor, now, entry, () => new ActionAdded(action.Id, action.Title, owner?.Id, owner?.DisplayName));
        Touch(now);
        return action;
    }

    public void ChangeActionStatus(Actor actor, int actionId, ActionStatus expectedStatus, ActionStatus newStatus, DateTimeOffset now)
    {
        PermissionsFor(actor).EnsureChangeActions("change its actions");
        var action = _actions.SingleOrDefault(a => a.Id == actionId)
            ?? throw new NotFoundException("That action no longer exists on this incident.");
        if (action.Status != expectedStatus)
        {
            throw new ConflictException(
                $"Someone else marked \"{action.Title}\" as {action.Status.Label().ToLowerInvariant()} a moment ago. Nothing was changed.");
        }

        if (action.Status == newStatus)
        {
            return;
        }

        var from = action.Status;
        action.ChangeStatus(newStatus, now);
        var entry = Append(new TimelineEntry(
            TimelineEntryKind.ActionChanged,
            actor,
            $"{actor.DisplayName} marked an action {newStatus.Label().ToLowerInvariant()}: {action.Title}",
            now,
            now));
        Record(actor, now, entry, new ActionStatusChanged(action.Id, action.Title, from, newStatus));
        Touch(now);
    }

    public void ChangeActionOwner(Actor actor, int actionId, string? expectedOwnerId, UserRef? owner, DateTimeOffset now)
    {
        PermissionsFor(actor).EnsureChangeActions("change its actions");
        var action = _actions.SingleOrDefault(a => a.Id == actionId)
            ?? throw new NotFoundException("That action no longer exists on this incident.");
        if (action.OwnerId != expectedOwnerId)
        {
            throw new ConflictException($"Someone else changed the owner of \"{action.Title}\" a moment ago. Nothing was changed.");
        }

        if (action.OwnerId == owner?.Id)
        {
            return;
        }

        action.ChangeOwner(owner?.Id, owner?.DisplayName);
        var text = owner is null
            ? $"{actor.DisplayName} removed the owner of an action: {action.Title}"
            : $"{actor.DisplayName} gave an action to {owner.DisplayName}: {action.Title}";
        var entry = Append(new TimelineEntry(TimelineEntryKind.ActionChanged, actor, text, now, now));
        Record(actor, now, entry, new ActionOwnerChanged(action.Id, action.Title, owner?.Id, owner?.DisplayName));
        Touch(now);
    }

    /// <summary>Makes <paramref name="entry"/> a key event, or not. Setting the value it already has records nothing.</summary>
    public void MarkKeyEvent(Actor actor, TimelineEntry entry, bool highlighted, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.IncidentId != Id)
        {
            throw new NotFoundException("That timeline entry no longer exists.");
        }

        if (entry.IsHighlighted == highlighted)
        {
            return;
        }

        entry.SetHighlighted(highlighted);
        Record(actor, now, entry, new KeyEventMarked(entry.Id, highlighted));
    }

    /// <summary>Lets <paramref name="userId"/> see this private incident without giving them a role.</summary>
    public Access.IncidentAccessGrant GrantAccess(Actor actor, string userId, string userName, DateTimeOffset now)
    {
        EnsureCanManageAccess(actor);
        if (!IsPrivate)
        {
            throw new DomainException("Everyone signed in can already see this incident: it is not private.");
        }

        Record(actor, now, null, new AccessGranted(userId, userName));
        return new Access.IncidentAccessGrant(Id, userId, userName, actor.UserId, now);
    }

    /// <summary>The lead (or an admin) said no to someone's request to see it.</summary>
    public void RefuseAccess(Actor actor, string userId, string userName, DateTimeOffset now)
    {
        EnsureCanManageAccess(actor);
        Record(actor, now, null, new AccessRefused(userId, userName));
    }

    /// <summary>The lead (or an admin) took away someone's access.</summary>
    public void RevokeAccess(Actor actor, Access.IncidentAccessGrant grant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        EnsureCanManageAccess(actor);
        grant.Revoke(now);
        Record(actor, now, null, new AccessRevoked(grant.UserId, grant.UserName));
    }

    /// <summary>
    /// Someone who cannot see this private incident asked to. Their reason stays with the request (only the lead and
    /// admins read it); the event says who asked.
    /// </summary>
    public void RecordAccessRequest(Actor requester, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requester);
        Record(requester, now, null, new AccessRequested(requester.UserId, requester.DisplayName, LeadId));
    }

    public void EnsureCanManageAccess(Actor actor) => PermissionsFor(actor).EnsureManageAccess();

    /// <summary>
    /// Checks that <paramref name="actor"/> may take away <paramref name="userName"/>'s access: the lead or an admin,
    /// on a private incident, and never from someone who holds a role on it now (they need it to do the role).
    /// </summary>
    public void EnsureCanRemoveAccess(Actor actor, string userId, string userName)
    {
        EnsureCanManageAccess(actor);
        if (!IsPrivate)
        {
            throw new DomainException("Everyone signed in can see this incident: it is not private, so there is no access to take away.");
        }

        if (_roleAssignments.FirstOrDefault(r => r.IsCurrent && r.UserId == userId) is { } current)
        {
            throw new DomainException($"{userName} is the {current.RoleDefinition?.Name ?? "role holder"} of {Reference} and sees it while they hold the role. Give the role to someone else first.");
        }
    }

    /// <summary>
    /// Takes away <paramref name="userId"/>'s access however they had it: the lead's grants and the roles they held
    /// once (<see cref="EnsureCanRemoveAccess"/> says when that is refused).
    /// </summary>
    public void RemoveAccess(
        Actor actor,
        string userId,
        string userName,
        IEnumerable<Access.IncidentAccessGrant> grants,
        IEnumerable<RoleAssignment> formerRoles,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentNullException.ThrowIfNull(formerRoles);
        EnsureCanRemoveAccess(actor, userId, userName);
        foreach (var grant in grants)
        {
            grant.Revoke(now);
        }

        foreach (var role in formerRoles)
        {
            role.RemoveAccess(now);
        }

        Record(actor, now, null, new AccessRevoked(userId, userName));
    }

    /// <summary>What <paramref name="actor"/> may do on this incident now: the one rule the pages read too.</summary>
    public IncidentPermissions PermissionsFor(Actor actor)
    {
        var comms = _roleAssignments.FirstOrDefault(r => r.IsCurrent && r.RoleDefinition?.Kind == IncidentRoleKind.CommunicationsLead)?.UserId;
        var holders = _roleAssignments.Where(r => r.IsCurrent).Select(r => r.UserId).ToHashSet(StringComparer.Ordinal);
        return IncidentPermissions.For(actor, new IncidentStanding(Status, LeadId, LeadName, comms, IsPrivate, Reminder?.IsRunning == true, PendingHandover?.ToUserId, PendingHandover?.OfferedById)
        {
            RoleHolderIds = holders,
        });
    }

    /// <summary>Checks that <paramref name="actor"/> may publish this incident's public notice now.</summary>
    public void EnsureCanPublish(Actor actor) => PermissionsFor(actor).EnsurePublish();

    /// <summary>What was published, by whom and when, on the internal timeline.</summary>
    public void RecordPublication(Actor actor, string title, StatusPage.PublicStatus status, string message, string? services, DateTimeOffset now)
    {
        var entry = Append(new TimelineEntry(TimelineEntryKind.Published, actor, $"{actor.DisplayName} published to the status page: {title}", now, now,
            services is null ? $"Public status: {status}" : $"Public status: {status} · {services}").Highlighted());
        Record(actor, now, entry, new NoticePublished(title, status, message, services));
        Touch(now);
    }

    /// <summary>A draft of the public notice was saved (nothing public changes).</summary>
    public void RecordNoticeDraft(Actor actor, DateTimeOffset now)
    {
        PermissionsFor(actor).EnsureDraftNotice();

        Record(actor, now, null, new NoticeDraftSaved());
    }

    /// <summary>
    /// Makes the incident private (only the people on it, people let in, and admins see it) or standard again. The lead
    /// or an admin decides. An incident on the public status page cannot be made private.
    /// </summary>
    public void ChangeVisibility(Actor actor, IncidentVisibility visibility, bool isPublished, DateTimeOffset now)
    {
        PermissionsFor(actor).EnsureChangeVisibility();
        if (visibility == Visibility)
        {
            return;
        }

        if (visibility == IncidentVisibility.Private && isPublished)
        {
            throw new DomainException("This incident is on the public status page, so it cannot be made private. Resolve its public notice first.");
        }

        var from = Visibility;
        Visibility = visibility;
        var text = visibility == IncidentVisibility.Private
            ? $"{actor.DisplayName} made the incident private: only the people on it, people let in, and admins can see it."
            : $"{actor.DisplayName} made the incident visible to everyone signed in.";
        var entry = Append(new TimelineEntry(TimelineEntryKind.VisibilityChanged, actor, text, now, now).Highlighted());
        Record(actor, now, entry, new VisibilityChanged(from, visibility));
        Touch(now);
    }

    /// <summary>The lead decides this update is not needed now; the reason goes on the timeline and the clock restarts.</summary>
    public void SkipUpdate(Actor actor, SkipUpdateRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        PermissionsFor(actor).EnsureManageReminder("skip an update");
        Reminder.Restart(now);
        var entry = Append(new TimelineEntry(TimelineEntryKind.UpdateSkipped, actor, request.Reason.Trim(), now, now,
            $"{actor.DisplayName} skipped this update. Next one due {IncidentTimestamps.Utc(Reminder.DueAt!.Value)}.").WithTimes(null, Reminder.DueAt));
        Record(actor, now, entry, new UpdateSkipped(entry.Text, Reminder.DueAt));
        Touch(now);
    }

    /// <summary>Moves the due time to <paramref name="minutes"/> from now (10, 30 or 60).</summary>
    public void SnoozeReminder(Actor actor, int minutes, DateTimeOffset now)
    {
        PermissionsFor(actor).EnsureManageReminder("snooze the reminder");
        if (!UpdateCadence.SnoozeMinutes.Contains(minutes))
        {
            throw ValidationFailedException.For("Minutes", "Snooze for 10, 30 or 60 minutes.");
        }

        Reminder.Snooze(now + TimeSpan.FromMinutes(minutes));
        var entry = Append(new TimelineEntry(TimelineEntryKind.ReminderSnoozed, actor, $"{actor.DisplayName} snoozed the update reminder for {minutes} min.", now, now,
            $"Update now due {IncidentTimestamps.Utc(Reminder.DueAt!.Value)}").WithTimes(null, Reminder.DueAt));
        Record(actor, now, entry, new ReminderSnoozed(minutes, Reminder.DueAt!.Value));
        Touch(now);
    }

    /// <summary>Sets this incident's cadence; null goes back to the severity's default.</summary>
    public void ChangeCadence(Actor actor, int? minutes, DateTimeOffset now)
    {
        PermissionsFor(actor).EnsureManageReminder("change the update cadence");
        var effective = minutes ?? Severity.UpdateCadenceMinutes;
        if (effective is < UpdateCadence.MinMinutes or > UpdateCadence.MaxMinutes)
        {
            throw ValidationFailedException.For("Minutes", UpdateCadence.RangeMessage);
        }

        if (effective == Reminder.CadenceMinutes && Reminder.CadenceOverridden == minutes.HasValue)
        {
            return;
        }

        Reminder.ChangeCadence(effective, overridden: minutes.HasValue);
        var text = minutes.HasValue
            ? $"{actor.DisplayName} set updates to {UpdateCadence.Describe(effective)} for this incident."
            : $"{actor.DisplayName} set updates back to the {Severity.Name} default, {UpdateCadence.Describe(effective)}.";
        var entry = Append(new TimelineEntry(TimelineEntryKind.CadenceChanged, actor, text, now, now));
        Record(actor, now, entry, new CadenceChanged(effective, minutes.HasValue));
        Touch(now);
    }

    /// <summary>
    /// An admin changed the default cadence of this incident's severity (already on <see cref="Severity"/>). An active
    /// incident that follows the default follows the change from its next due time; one whose lead set a cadence keeps
    /// it. The change goes on the timeline, so nobody wonders why the nudges come at a new pace.
    /// </summary>
    /// <returns>True when the incident changed.</returns>
    public bool FollowDefaultCadence(Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Status.IsActive() || !Reminder.IsRunning || !Reminder.FollowDefault(Severity.UpdateCadenceMinutes))
        {
            return false;
        }

        var entry = Append(new TimelineEntry(
            TimelineEntryKind.CadenceChanged,
            actor,
            $"{actor.DisplayName} changed the {Severity.Name} default to {UpdateCadence.Describe(Severity.UpdateCadenceMinutes)}; this incident follows it after the update now due.",
            now,
            now).WithTimes(null, Reminder.DueAt));
        Record(actor, now, entry, new CadenceChanged(Severity.UpdateCadenceMinutes, Overridden: false));
        Touch(now);
        return true;
    }

    public RoleAssignment? CurrentHolder(int roleDefinitionId) =>
        _roleAssignments.SingleOrDefault(a => a.RoleDefinitionId == roleDefinitionId && a.IsCurrent);

    public DateTimeOffset? Get(IncidentTimestamp which) => IncidentTimestamps.Pick(which, ImpactStartedAt, DetectedAt, MitigatedAt, ResolvedAt);

    private void Set(IncidentTimestamp which, DateTimeOffset value)
    {
        switch (which)
        {
            case IncidentTimestamp.ImpactStarted: ImpactStartedAt = value; break;
            case IncidentTimestamp.Detected: DetectedAt = value; break;
            case IncidentTimestamp.Mitigated: MitigatedAt = value; break;
            case IncidentTimestamp.Resolved: ResolvedAt = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(which));
        }
    }

    private void ApplyStatus(IncidentStatus status, DateTimeOffset now)
    {
        var from = Status;
        Status = status;
        foreach (var period in _statusPeriods.Where(p => p.IsCurrent))
        {
            period.End(now);
        }

        _statusPeriods.Add(new StatusPeriod(status, now));
        switch (status)
        {
            case IncidentStatus.Monitoring:
                MitigatedAt ??= now;
                break;
            case IncidentStatus.Resolved:
                MitigatedAt ??= now;
                ResolvedAt = now;
                Reminder.Stop();
                break;
            case IncidentStatus.Closed:
                ClosedAt = now;
                Reminder.Stop();
                break;
            case IncidentStatus.Declined:
                DeclinedAt = now;
                Reminder.Stop();
                break;
            case IncidentStatus.Investigating when from == IncidentStatus.Resolved:
                ResolvedAt = null;
                MitigatedAt = null;
                // The severity's default may have changed while it was resolved.
                Reminder.FollowDefault(Severity.UpdateCadenceMinutes);
                Reminder.Restart(now);
                break;
            case IncidentStatus.Investigating or IncidentStatus.Fixing when from == IncidentStatus.Monitoring:
                // The fix did not hold: the incident is not mitigated after all.
                MitigatedAt = null;
                break;
        }
    }

    private void FollowSeverityCadence()
    {
        if (!Reminder.CadenceOverridden && Reminder.IsRunning)
        {
            Reminder.ChangeCadence(Severity.UpdateCadenceMinutes, overridden: false);
        }
    }




    private static void EnsureUsable(Severity severity)
    {
        if (severity.IsArchived)
        {
            throw new DomainException($"The severity {severity.Name} has been retired by an admin; pick another.");
        }
    }

    private TimelineEntry Append(TimelineEntry entry)
    {
        _timeline.Add(entry);
        return entry;
    }

    /// <summary>States what happened; <paramref name="entry"/> is the timeline entry that tells it in words.</summary>
    private void Record(Actor actor, DateTimeOffset now, TimelineEntry? entry, IncidentEvent incidentEvent) =>
        _events.Add(PendingIncidentEvent.ByAggregate(this, actor, now, entry, () => incidentEvent));

    /// <summary>As <see cref="Record(Actor, DateTimeOffset, TimelineEntry?, IncidentEvent)"/>, for an event that carries ids of rows this change adds.</summary>
    private void Record(Actor actor, DateTimeOffset now, TimelineEntry? entry, Func<IncidentEvent> build) =>
        _events.Add(PendingIncidentEvent.ByAggregate(this, actor, now, entry, build));

    private void Touch(DateTimeOffset now)
    {
        LastChangedAt = now;
        Version = Guid.NewGuid();
    }

    private static bool SameInstant(DateTimeOffset? a, DateTimeOffset? b) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) => Math.Abs((x - y).TotalSeconds) < 1,
            _ => false,
        };

    private static string Normalise(string? text) => text?.Trim() ?? "";

    /// <summary>What the editor typed, or <paramref name="current"/> when they left the field as they found it.</summary>
    private static string Edited(string? typed, string? started, string current) =>
        Normalise(typed) == Normalise(started) ? current : Normalise(typed);
}
