using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Resolution;

/// <summary>
/// Reopening a resolved incident: when the status page tells customers a fix is in place, what becomes of it
/// (<see cref="GetPlanAsync"/>); then the reopening, the update and the notice's decision in one transaction through
/// the incident's door (<see cref="ReopenAsync"/>).
/// </summary>
public sealed class ReopeningService(IncidentCommandRunner runner, IncidentQueries incidents, IDbContextFactory<IncidentHubDbContext> dbFactory)
{
    /// <summary>What reopening must decide; null when the viewer may not see the incident.</summary>
    public async Task<ReopenPlan?> GetPlanAsync(Actor viewer, int number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var detail = await incidents.GetDetailAsync(viewer, number, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notice = await db.PublicNotices.AsNoTracking()
            .Where(n => n.IncidentId == detail.Id && n.FirstPublishedAt != null)
            .Select(n => new LiveNoticeView(n.Title, n.Status, n.LastPublishedAt, n.Version))
            .SingleOrDefaultAsync(cancellationToken);
        var fixedNotice = notice is not null && ReopenRules.SaysFixed(published: true, notice.Status) ? notice : null;
        return new ReopenPlan(
            detail.Status,
            fixedNotice,
            fixedNotice is not null && detail.Can.Publish,
            fixedNotice?.Title ?? detail.Name,
            ReopenRules.ProposedNoticeMessage);
    }

    public Task ReopenAsync(Actor actor, int incidentId, ReopenIncidentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        return runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            if (incident.Status != request.ExpectedStatus)
            {
                throw new ConflictException($"Someone else moved {incident.Reference} to {incident.Status} a moment ago. Nothing was changed: look at it again.");
            }

            var notice = await db.PublicNotices.SingleOrDefaultAsync(n => n.IncidentId == incident.Id, cancellationToken);
            var saysFixed = notice is not null && ReopenRules.SaysFixed(notice.IsPublished, notice.Status);
            ReopenRules.Check(request, saysFixed);

            incident.ChangeStatus(actor, request.ExpectedStatus, IncidentStatus.Investigating, now);
            if (!string.IsNullOrWhiteSpace(request.Message))
            {
                incident.PostUpdate(actor, new PostUpdateRequest { Message = request.Message.Trim() }, null, now);
            }

            if (saysFixed && request.Notice == NoticeOutcome.Publish)
            {
                await PublicationService.PublishOnAsync(db, incident, actor, ReopenRules.NoticeForm(request), now, cancellationToken);
            }
            else if (saysFixed)
            {
                incident.AddNote(actor, new AddNoteRequest { Text = $"The public notice still says it is fixed: {request.NoticeReason!.Trim()}" }, now);
            }

            // A value, so the runner takes the awaited overload.
            return true;
        }, cancellationToken);
    }
}
