using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.FollowUps;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Users;

namespace IncidentHub.Core.Incidents;

/// <summary>Follow-ups are the incident's actions for after it: added here, told on its timeline, recorded as events.</summary>
public sealed partial class Incident
{
    public IncidentAction AddFollowUp(Actor actor, AddFollowUpRequest request, UserRef? owner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        PermissionsFor(actor).EnsureChangeActions("add follow-ups");
        var tracker = TrackerLinks.Check(request.TrackerUrl, nameof(request.TrackerUrl));
        var followUp = IncidentAction.FollowUp(request.Title.Trim(), owner?.Id, owner?.DisplayName, request.DueAt, request.Priority, tracker, actor, now);
        _actions.Add(followUp);
        var ownerText = owner is null ? "with no owner yet" : $"for {owner.DisplayName}";
        var entry = Append(new TimelineEntry(TimelineEntryKind.ActionAdded, actor, $"{actor.DisplayName} added a follow-up {ownerText}: {followUp.Title}", now, now));
        Record(actor, now, entry, () => new FollowUpAdded(followUp.Id, followUp.Title, owner?.Id, owner?.DisplayName, followUp.DueAt, followUp.Priority, followUp.TrackerUrl));
        Touch(now);
        return followUp;
    }

    /// <summary>An outstanding action stays open after the incident, as a follow-up.</summary>
    public void KeepAsFollowUp(Actor actor, int actionId, DateTimeOffset? dueAt, FollowUpPriority priority, DateTimeOffset now)
    {
        PermissionsFor(actor).EnsureChangeActions("change its actions");
        var action = FindAction(actionId);
        if (action.IsFollowUp)
        {
            return;
        }

        if (action.Status != ActionStatus.Outstanding)
        {
            throw new ConflictException($"\"{action.Title}\" is {action.Status.Label().ToLowerInvariant()} already; only an outstanding action becomes a follow-up.");
        }

        action.KeepAsFollowUp(dueAt, priority);
        var entry = Append(new TimelineEntry(TimelineEntryKind.ActionChanged, actor, $"{actor.DisplayName} kept an action as a follow-up: {action.Title}", now, now));
        Record(actor, now, entry, new ActionKeptAsFollowUp(action.Id, action.Title, dueAt, priority));
        Touch(now);
    }

    public void PlanFollowUp(Actor actor, int actionId, PlanFollowUpRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        PermissionsFor(actor).EnsureChangeActions("change its follow-ups");
        var action = FindAction(actionId);
        var tracker = TrackerLinks.Check(request.TrackerUrl, nameof(request.TrackerUrl));
        if (action.DueAt == request.DueAt && action.Priority == request.Priority && action.TrackerUrl == tracker)
        {
            return;
        }

        action.Plan(request.DueAt, request.Priority, tracker);
        var entry = Append(new TimelineEntry(TimelineEntryKind.ActionChanged, actor, $"{actor.DisplayName} changed the plan for a follow-up: {action.Title}", now, now));
        Record(actor, now, entry, new FollowUpPlanned(action.Id, action.Title, action.DueAt, action.Priority, action.TrackerUrl));
        Touch(now);
    }

    /// <summary>Not doing it, and why: a follow-up is never dropped without a reason.</summary>
    public void DropAction(Actor actor, int actionId, ActionStatus expectedStatus, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw ValidationFailedException.For("Reason", "Say why it is not being done.");
        }

        if (reason.Length > TextLimits.Reason)
        {
            throw ValidationFailedException.For("Reason", TextLimits.TooLong("the reason", TextLimits.Reason, reason.Length));
        }

        ChangeActionStatus(actor, actionId, expectedStatus, ActionStatus.NotDoing, now);
        var action = FindAction(actionId);
        action.SetReason(reason.Trim());
        Record(actor, now, null, new FollowUpDropped(action.Id, action.Title, reason.Trim()));
    }

    private IncidentAction FindAction(int actionId) =>
        _actions.SingleOrDefault(a => a.Id == actionId) ?? throw new NotFoundException("That action no longer exists on this incident.");
}
