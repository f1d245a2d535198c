using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.FollowUps;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Resolution;

/// <summary>
/// Resolving, closing and declining as one moment: what is still open (<see cref="GetPlanAsync"/>), then the closing
/// update and every decision applied in one transaction through the incident's door (<see cref="CloseAsync"/>), so
/// either all of it happens (the actions settled, the resolution published, the status moved) or none of it.
/// </summary>
public sealed class ClosingService(IncidentCommandRunner runner, IncidentQueries incidents, IDbContextFactory<IncidentHubDbContext> dbFactory)
{
    /// <summary>What is open on the incident for ending it as <paramref name="target"/>; null when the viewer may not see it.</summary>
    public async Task<ClosingPlan?> GetPlanAsync(Actor viewer, int number, IncidentStatus target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var detail = await incidents.GetDetailAsync(viewer, number, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notice = await db.PublicNotices.AsNoTracking()
            .Where(n => n.IncidentId == detail.Id && n.FirstPublishedAt != null && n.ResolvedAt == null)
            .Select(n => new LiveNoticeView(n.Title, n.Status, n.LastPublishedAt, n.Version)
            {
                AffectedServices = db.PublicImpacts.Where(i => i.NoticeId == n.Id && i.Until == null)
                    .Join(db.StatusComponents, i => i.ComponentId, c => c.Id, (i, c) => c.Name).OrderBy(name => name).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var held = detail.Roles.Where(r => r.UserId is not null && r.Kind is not (IncidentRoleKind.Reporter)).ToList();
        return new ClosingPlan(
            target,
            detail.Status,
            ClosingRules.OpenActions(detail.Actions),
            ClosingRules.OutcomesFor(target),
            notice,
            notice is not null && detail.Can.Publish,
            held,
            ClosingRules.ProposedUpdate(target, detail.Name),
            notice?.Title ?? detail.Name,
            ClosingRules.ProposedNoticeMessage(target));
    }

    public Task CloseAsync(Actor actor, int incidentId, CloseIncidentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        return runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            if (incident.Status != request.ExpectedStatus)
            {
                throw new ConflictException($"Someone else moved {incident.Reference} to {incident.Status} a moment ago. Nothing was changed: look at it again.");
            }

            var notice = await db.PublicNotices
                .Include(n => n.Impacts.Where(i => i.Until == null))
                .SingleOrDefaultAsync(n => n.IncidentId == incident.Id, cancellationToken);
            var open = ClosingRules.OpenActions(incident.Actions.Select(a => new ActionView(a.Id, a.Title, a.OwnerId, a.OwnerName, a.Status, a.CreatedAt, a.CompletedAt, a.Kind)));
            var live = notice?.IsOpen == true;
            ClosingRules.Check(request, open, live);

            foreach (var action in open)
            {
                var decision = request.Actions.Last(d => d.ActionId == action.Id);
                switch (decision.Outcome)
                {
                    case ActionOutcome.KeepAsFollowUp:
                        incident.KeepAsFollowUp(actor, action.Id, dueAt: null, FollowUpPriority.Medium, now);
                        break;
                    case ActionOutcome.MarkDone:
                        incident.ChangeActionStatus(actor, action.Id, ActionStatus.Outstanding, ActionStatus.Done, now);
                        break;
                    case ActionOutcome.Drop:
                        incident.DropAction(actor, action.Id, ActionStatus.Outstanding, decision.Reason!, now);
                        break;
                }
            }

            if (live && request.Notice == NoticeOutcome.Publish)
            {
                await PublicationService.PublishOnAsync(db, incident, actor, ClosingRules.ResolutionForm(request), now, cancellationToken);
            }
            else if (live)
            {
                incident.AddNote(actor, new AddNoteRequest { Text = $"The public notice stays as it is: {request.NoticeReason!.Trim()}" }, now);
            }

            if (request.Target == IncidentStatus.Resolved)
            {
                // The status moves first, so the key event says the incident was resolved and the closing update is
                // the first one posted as Resolved.
                incident.ChangeStatus(actor, request.ExpectedStatus, IncidentStatus.Resolved, now);
                incident.PostUpdate(actor, new PostUpdateRequest { Message = request.Message.Trim() }, null, now);
            }
            else
            {
                if (!string.IsNullOrWhiteSpace(request.Message))
                {
                    incident.AddNote(actor, new AddNoteRequest { Text = request.Message.Trim() }, now);
                }

                incident.ChangeStatus(actor, request.ExpectedStatus, request.Target, now);
            }

            // A value, so the runner takes the awaited overload (an async lambda without one would be async void).
            return true;
        }, cancellationToken);
    }
}
