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
        var documentId = await db.ReviewDocuments.AsNoTracking().Where(r => r.IncidentId == detail.Id).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
        // What the review tells: the writers' key events in their words once the review is started, else the incident's.
        var keyEvents = (await LoadCandidatesAsync(db, detail.Id, documentId, cancellationToken))
            .Where(c => c.View.IsStarred)
            .Select(c => c.Entry with { Text = c.View.Text })
            .ToList();
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

    /// <summary>
    /// The review's key events (starred for the review, in its words) and, with <paramref name="includeOthers"/>, up to
    /// <paramref name="othersLimit"/> other timeline entries that could be starred; null when <paramref name="viewer"/>
    /// may not see the incident or it has no review yet.
    /// </summary>
    public async Task<ReviewKeyEventList?> GetKeyEventsAsync(Actor viewer, int incidentId, bool includeOthers, int othersLimit = 200, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await Access.IncidentAccessRules.CanSeeAsync(db, viewer, incidentId, cancellationToken))
        {
            return null;
        }

        var documentId = await db.ReviewDocuments.AsNoTracking().Where(r => r.IncidentId == incidentId).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (documentId is null)
        {
            return null;
        }

        var candidates = await LoadCandidatesAsync(db, incidentId, documentId, cancellationToken);
        var keyEvents = candidates.Where(c => c.View.IsStarred).Select(c => c.View).ToList();
        if (!includeOthers)
        {
            return new ReviewKeyEventList(keyEvents, [], 0);
        }

        // Entries nobody starred anywhere: the rest of the timeline, oldest first, up to the limit.
        var known = candidates.Select(c => c.Entry.Id).ToList();
        var rest = db.TimelineEntries.AsNoTracking().Where(e => e.IncidentId == incidentId && !known.Contains(e.Id));
        var restCount = await rest.CountAsync(cancellationToken);
        var restViews = await rest.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(Math.Max(0, othersLimit))
            .Select(e => new ReviewKeyEventView(e.Id, e.Kind, e.ActorName, e.OccurredAt, e.Text, null, false, false, null, null))
            .ToListAsync(cancellationToken);
        var unstarred = candidates.Where(c => !c.View.IsStarred).Select(c => c.View).ToList();
        var others = unstarred.Concat(restViews).OrderBy(v => v.OccurredAt).ThenBy(v => v.EntryId).ToList();
        return new ReviewKeyEventList(keyEvents, others, unstarred.Count + restCount);
    }

    /// <summary>The text the review's Timeline section is built from: its key events (in its words) and the updates.</summary>
    public async Task<string?> BuildTimelineSectionAsync(Actor viewer, int number, CancellationToken cancellationToken = default)
    {
        var review = await GetReviewAsync(viewer, number, cancellationToken);
        return review is null ? null : ReviewPrefillText.Build(ReviewPrefill.Timeline, review);
    }

    /// <summary>Entries the incident starred or the writers curated, each as the review tells it.</summary>
    private static async Task<List<(TimelineEntryView Entry, ReviewKeyEventView View)>> LoadCandidatesAsync(IncidentHubDbContext db, int incidentId, int? documentId, CancellationToken cancellationToken)
    {
        var curated = documentId is null
            ? []
            : await db.ReviewKeyEvents.AsNoTracking().Where(k => k.ReviewDocumentId == documentId).ToListAsync(cancellationToken);
        var ids = curated.Select(k => k.TimelineEntryId).ToList();
        var entries = await db.TimelineEntries.AsNoTracking()
            .Where(e => e.IncidentId == incidentId && (e.IsHighlighted || ids.Contains(e.Id)))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(TimelineEntryView.FromEntry)
            .ToListAsync(cancellationToken);
        var rows = curated.ToDictionary(k => k.TimelineEntryId);
        return [.. entries.Select(e =>
        {
            var row = rows.GetValueOrDefault(e.Id);
            var view = new ReviewKeyEventView(e.Id, e.Kind, e.ActorName, e.OccurredAt, e.Text, row?.Wording, row?.IsStarred ?? e.IsHighlighted, e.IsHighlighted, row?.EditedByName, row?.EditedAt);
            return (e, view);
        })];
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
