using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Users;

namespace IncidentHub.Core.Incidents;

/// <summary>
/// Handing over the lead is a conversation: the lead (or an admin) offers it with a note, the incoming lead reads the
/// note, the open actions and when the next update is due, and accepts ("I have it"). Until then the current lead
/// leads and gets the reminders; everyone sees that a hand-over is pending. Taking the lead yourself needs no one's
/// acceptance.
/// </summary>
public sealed partial class Incident
{
    /// <summary>The lead offered to someone who has not accepted yet; null when none is pending.</summary>
    public LeadHandover? PendingHandover { get; private set; }

    /// <summary>
    /// Offers the lead to <paramref name="user"/> with <paramref name="note"/>; when <paramref name="user"/> is the actor,
    /// they take it at once. <paramref name="expectedLeadId"/> is who the actor saw leading.
    /// </summary>
    public void OfferLead(Actor actor, RoleDefinition leadRole, UserRef user, string? note, string expectedLeadId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(leadRole);
        ArgumentNullException.ThrowIfNull(user);
        var can = PermissionsFor(actor);
        can.EnsureRespond();
        if (!can.ChangeRoles)
        {
            throw new DomainException($"The incident is {Status}; you can no longer hand over the lead.");
        }
        if (leadRole.Kind != IncidentRoleKind.Lead)
        {
            throw new ArgumentException("The lead role definition is required.", nameof(leadRole));
        }

        if (LeadId != expectedLeadId)
        {
            throw new ConflictException($"Someone else changed the {leadRole.Name} a moment ago (now {LeadName}). Nothing was changed: check and try again.");
        }

        if (user.Id == LeadId)
        {
            throw new DomainException($"{user.DisplayName} already leads this incident.");
        }

        var trimmed = Normalise(note);
        var current = CurrentHolder(leadRole.Id);
        if (user.Id == actor.UserId)
        {
            // Taking the lead yourself is your own "I have it" (and accepts a hand-over offered to you).
            var offered = PendingHandover?.ToUserId == actor.UserId ? PendingHandover : null;
            var text = offered is not null
                ? $"{user.DisplayName} took the lead from {LeadName} (\"I have it\")."
                : $"{user.DisplayName} took the lead from {LeadName}.";
            TakeOverLead(actor, leadRole, current, user, text, trimmed.Length > 0 ? trimmed : offered?.Note, now);
            Touch(now);
            return;
        }

        if (!can.OfferLead)
        {
            throw new ForbiddenException($"Only the incident lead ({LeadName}) or an admin can hand the lead to someone else.");
        }
        if (trimmed.Length == 0)
        {
            throw ValidationFailedException.For(nameof(OfferLeadRequest.Note),
                $"Write a short note for {user.DisplayName}: where things stand and what is in flight.");
        }

        var replaced = PendingHandover;
        PendingHandover = new LeadHandover(LeadId, LeadName, user.Id, user.DisplayName, trimmed, actor.UserId, actor.DisplayName, now);
        var who = actor.UserId == LeadId ? actor.DisplayName : $"{actor.DisplayName} (for {LeadName})";
        var offer = $"{who} asked {user.DisplayName} to take the lead. {LeadName} leads until {user.DisplayName} accepts.";
        if (replaced is not null && replaced.ToUserId != user.Id)
        {
            offer += $" This replaces the hand-over to {replaced.ToName}.";
        }

        var entry = Append(new TimelineEntry(TimelineEntryKind.LeadHandoverOffered, actor, offer, now, now, trimmed));
        Record(actor, now, entry, new LeadHandoverOffered(LeadId, LeadName, user.Id, user.DisplayName, trimmed, replaced?.ToUserId));
        Touch(now);
    }

    /// <summary>The incoming lead says "I have it": they lead from now on, and the reminders go to them.</summary>
    public void AcceptLead(Actor actor, RoleDefinition leadRole, string expectedFromUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(leadRole);
        var pending = PendingHandover;
        if (pending is null || pending.FromUserId != expectedFromUserId || LeadId != expectedFromUserId)
        {
            throw new ConflictException($"That hand-over is no longer waiting: {LeadName} leads this incident. Nothing was changed.");
        }

        if (pending.ToUserId != actor.UserId)
        {
            throw new ForbiddenException($"Only {pending.ToName} can accept this hand-over.");
        }

        if (!PermissionsFor(actor).AnswerHandover)
        {
            throw new DomainException($"The incident is {Status}; you can no longer take the lead.");
        }
        TakeOverLead(actor, leadRole, CurrentHolder(leadRole.Id), new UserRef(actor.UserId, actor.DisplayName),
            $"{actor.DisplayName} took the lead from {pending.FromName} (\"I have it\").", pending.Note, now);
        Touch(now);
    }

    /// <summary>
    /// Ends a pending hand-over without a change of lead: the incoming lead says "not now", or the lead (or the one who
    /// offered, or an admin) withdraws it. <paramref name="expectedToUserId"/> is whom the actor saw it offered to.
    /// </summary>
    public void WithdrawHandover(Actor actor, string expectedToUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var pending = PendingHandover;
        if (pending is null || pending.ToUserId != expectedToUserId)
        {
            throw new ConflictException("That hand-over is no longer waiting. Nothing was changed: look at who leads now.");
        }

        var declined = actor.UserId == pending.ToUserId;
        var can = PermissionsFor(actor);
        if (declined ? !can.AnswerHandover : !can.WithdrawHandover)
        {
            throw new ForbiddenException($"Only {pending.ToName}, the lead ({LeadName}) or an admin can end this hand-over.");
        }

        PendingHandover = null;
        var text = declined
            ? $"{actor.DisplayName} did not take the lead; {LeadName} still leads."
            : $"{actor.DisplayName} withdrew the hand-over to {pending.ToName}; {LeadName} still leads.";
        var entry = Append(new TimelineEntry(TimelineEntryKind.LeadHandoverWithdrawn, actor, text, now, now));
        Record(actor, now, entry, new LeadHandoverWithdrawn(pending.ToUserId, pending.ToName, declined));
        Touch(now);
    }

    /// <summary>
    /// Makes <paramref name="user"/> the lead: ends the current assignment, points the reminders at them and says so on the
    /// timeline. Any hand-over still pending ends with it (said in the same entry when it was offered to someone else).
    /// </summary>
    private void TakeOverLead(Actor actor, RoleDefinition leadRole, RoleAssignment? current, UserRef user, string text, string? note, DateTimeOffset now)
    {
        var from = LeadName;
        var fromId = LeadId;
        if (PendingHandover is { } pending && pending.ToUserId != user.Id)
        {
            text += $" The hand-over offered to {pending.ToName} is over.";
        }

        PendingHandover = null;
        current?.End(now);
        _roleAssignments.Add(new RoleAssignment(leadRole, user.Id, user.DisplayName, now));
        LeadId = user.Id;
        LeadName = user.DisplayName;
        Reminder.Retarget(user.Id);
        var entry = Append(new TimelineEntry(TimelineEntryKind.LeadHandover, actor, text, now, now, note).Highlighted());
        Record(actor, now, entry, new LeadHandedOver(current?.UserId ?? fromId, from, user.Id, user.DisplayName, leadRole.Name));
    }

    /// <summary>A finished incident has no one to hand over to: a pending offer lapses, on the timeline.</summary>
    private void LapseHandover(Actor actor, DateTimeOffset now)
    {
        if (PendingHandover is not { } pending || !IncidentRules.IsFinal(Status))
        {
            return;
        }

        PendingHandover = null;
        var entry = Append(new TimelineEntry(TimelineEntryKind.LeadHandoverWithdrawn, actor,
            $"The hand-over to {pending.ToName} lapsed: the incident is {Status}.", now, now));
        Record(actor, now, entry, new LeadHandoverWithdrawn(pending.ToUserId, pending.ToName, Declined: false));
    }
}
