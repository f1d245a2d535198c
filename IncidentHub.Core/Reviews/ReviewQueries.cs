using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Reviews;

public sealed class ReviewQueries(IDbContextFactory<IncidentHubDbContext> dbFactory, IncidentQueries incidents, TimeProvider time)
{
    /// <summary>The review, or null when the incident does not exist or <paramref name="viewer"/> may not see it.</summary>
    public Task<IncidentReview?> GetReviewAsync(Actor viewer, int number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return GetReviewAsync(number, viewer, cancellationToken);
    }

    internal Task<IncidentReview?> GetReviewAsync(int number, CancellationToken cancellationToken = default) =>
        GetReviewAsync(number, null, cancellationToken);

    private async Task<IncidentReview?> GetReviewAsync(int number, Actor? viewer, CancellationToken cancellationToken)
    {
        var detail = viewer is null
            ? await incidents.GetDetailAsync(number, cancellationToken)
            : await incidents.GetDetailAsync(viewer, number, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keyEvents = await db.TimelineEntries.AsNoTracking()
            .Where(e => e.IncidentId == detail.Id && e.IsHighlighted)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(TimelineEntryView.FromEntry)
            .ToListAsync(cancellationToken);
        var updates = await db.IncidentUpdates.AsNoTracking()
            .Where(u => u.IncidentId == detail.Id)
            .OrderBy(u => u.PostedAt).ThenBy(u => u.Id)
            .Select(u => new UpdateView(u.Id, u.AuthorName, u.Message, u.Status, u.SeverityName, u.PostedAt, u.DueAt))
            .ToListAsync(cancellationToken);
        var roles = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.IncidentId == detail.Id)
            .OrderBy(r => r.RoleDefinition.SortOrder).ThenBy(r => r.AssignedAt).ThenBy(r => r.Id)
            .Select(r => new RoleHistoryItem(r.RoleDefinition.Name, r.RoleDefinition.Kind, r.UserName, r.AssignedAt, r.EndedAt))
            .ToListAsync(cancellationToken);

        var skips = await db.TimelineEntries.AsNoTracking()
            .Where(e => e.IncidentId == detail.Id && e.Kind == TimelineEntryKind.UpdateSkipped)
            .Select(e => new SkippedUpdate(e.ActorName, e.Text, e.OccurredAt))
            .ToListAsync(cancellationToken);

        var durations = IncidentDurations.Compute(detail.ImpactStartedAt, detail.DetectedAt, detail.MitigatedAt, detail.ResolvedAt);
        var end = detail.ResolvedAt ?? detail.ClosedAt ?? time.GetUtcNow();
        var adherence = CadenceAdherence.Compute(detail.DeclaredAt, updates.Select(u => new PostedUpdate(u.PostedAt, u.DueAt)), skips, end);
        var document = await LoadDocumentAsync(db, detail.Id, cancellationToken);
        return new IncidentReview(detail, durations, keyEvents, updates, roles, adherence, document);
    }

    /// <summary>The written review of an incident, or null when there is none or <paramref name="viewer"/> may not see the incident.</summary>
    public async Task<ReviewDocumentView?> GetDocumentAsync(Actor viewer, int incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Access.IncidentAccessRules.CanSeeAsync(db, viewer, incidentId, cancellationToken)
            ? await LoadDocumentAsync(db, incidentId, cancellationToken)
            : null;
    }

    internal static async Task<ReviewDocumentView?> LoadDocumentAsync(IncidentHubDbContext db, int incidentId, CancellationToken cancellationToken)
    {
        var document = await db.ReviewDocuments.AsNoTracking()
            .Include(r => r.Sections)
            .Include(r => r.Reviewers)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.IncidentId == incidentId, cancellationToken);
        return document is null ? null : View(document);
    }

    internal static ReviewDocumentView View(ReviewDocument r) => new(
        r.Id, r.IncidentId, r.OwnerId, r.OwnerName, r.State, r.StartedAt, r.PublishedAt, r.PublishedByName, r.Version,
        [.. r.Sections.OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(ReviewService.View)],
        [.. r.Reviewers.OrderBy(v => v.Id).Select(v => new ReviewerView(v.UserId, v.UserName, v.Verdict, v.Comment, v.AnsweredAt))]);
}
