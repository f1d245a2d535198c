using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Reviews;

/// <summary>
/// Writing the review: start it, save a section, ask for review, answer, publish, reopen. Every change goes through
/// the incident's door (<see cref="IncidentCommandRunner"/>), so it is checked, told on the timeline, recorded as an
/// event and reaches every open page.
/// </summary>
public sealed class ReviewService(IncidentCommandRunner runner, ReviewQueries reviews)
{
    /// <summary>Starts the review from the template (or gives the one already started: a review per incident).</summary>
    public async Task<int> StartAsync(Actor actor, int incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (existing, started) = await runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var existing = await db.ReviewDocuments.AsNoTracking().Where(r => r.IncidentId == incident.Id).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                return (existing, (ReviewDocument?)null);
            }

            var record = await reviews.GetReviewAsync(incident.Number, cancellationToken)
                ?? throw new NotFoundException(IncidentAccessRules.NotFoundMessage);
            var template = await db.ReviewTemplateSections.AsNoTracking()
                .Where(s => !s.IsArchived)
                .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
                .ToListAsync(cancellationToken);
            var document = incident.StartReview(actor, template.Select(t => (t, ReviewPrefillText.Build(t.Prefill, record))), now);
            db.ReviewDocuments.Add(document);
            return (existing, document);
        }, cancellationToken);
        return started?.Id ?? existing!.Value;
    }

    public Task<ReviewSectionView> SaveSectionAsync(Actor actor, int incidentId, SaveReviewSectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        return runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var review = await LoadAsync(db, incident.Id, withSections: true, cancellationToken);
            var current = review.Sections.SingleOrDefault(s => s.Id == request.SectionId);
            var body = request.Body.Trim();
            if (current is not null && current.Version == request.SeenVersion && current.Body == body)
            {
                return View(current);
            }

            return View(incident.SaveReviewSection(actor, review, request.SectionId, request.SeenVersion, body, now));
        }, cancellationToken);
    }

    /// <summary>Stars (or unstars) a timeline entry as a key event of the review only; the incident's timeline keeps its own star.</summary>
    public Task StarKeyEventAsync(Actor actor, int incidentId, long entryId, bool starred, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var review = await LoadAsync(db, incident.Id, withSections: false, cancellationToken);
            var entry = await FindEntryAsync(db, incident.Id, entryId, cancellationToken);
            incident.StarReviewKeyEvent(actor, review, entry, starred, now);
            return true;
        }, cancellationToken);

    /// <summary>Rewords a key event for the review only (blank: back to the entry's own words).</summary>
    public Task RewordKeyEventAsync(Actor actor, int incidentId, RewordKeyEventRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        return runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var review = await LoadAsync(db, incident.Id, withSections: false, cancellationToken);
            var entry = await FindEntryAsync(db, incident.Id, request.EntryId, cancellationToken);
            incident.RewordReviewKeyEvent(actor, review, entry, request.SeenText, request.Wording, now);
            return true;
        }, cancellationToken);
    }

    public Task RequestReviewAsync(Actor actor, int incidentId, Guid seenVersion, IReadOnlyList<string> reviewerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewerIds);
        return runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var review = await LoadAsync(db, incident.Id, withSections: false, cancellationToken);
            var reviewers = new List<UserRef>();
            foreach (var id in reviewerIds.Distinct(StringComparer.Ordinal))
            {
                var user = await UserLookup.FindWhoCanActAsync(db, incident, id, "Reviewers", cancellationToken);
                if (incident.IsPrivate && !await CanSeeAsync(db, user, incident.Id, cancellationToken))
                {
                    throw ValidationFailedException.For("Reviewers", $"{user.DisplayName} cannot see this private incident. Let them in first.");
                }

                reviewers.Add(user);
            }

            incident.RequestReview(actor, review, seenVersion, reviewers, now);
            return true;
        }, cancellationToken);
    }

    public Task AnswerAsync(Actor actor, int incidentId, AnswerReviewRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        return runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var review = await LoadAsync(db, incident.Id, withSections: false, cancellationToken);
            incident.AnswerReview(actor, review, request.Verdict, request.Comment, now);
            return true;
        }, cancellationToken);
    }

    public Task PublishAsync(Actor actor, int incidentId, Guid seenVersion, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var review = await LoadAsync(db, incident.Id, withSections: false, cancellationToken);
            incident.PublishReview(actor, review, seenVersion, now);
            return true;
        }, cancellationToken);

    public Task ReopenAsync(Actor actor, int incidentId, ReopenReviewRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        return runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var review = await LoadAsync(db, incident.Id, withSections: false, cancellationToken);
            incident.ReopenReview(actor, review, request.SeenVersion, request.Reason, now);
            return true;
        }, cancellationToken);
    }

    public Task ChangeOwnerAsync(Actor actor, int incidentId, Guid seenVersion, string ownerId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var review = await LoadAsync(db, incident.Id, withSections: false, cancellationToken);
            var owner = await UserLookup.FindWhoCanActAsync(db, incident, ownerId, "OwnerId", cancellationToken);
            if (incident.IsPrivate && !await CanSeeAsync(db, owner, incident.Id, cancellationToken))
            {
                throw ValidationFailedException.For("OwnerId", $"{owner.DisplayName} cannot see this private incident. Let them in first.");
            }

            incident.ChangeReviewOwner(actor, review, seenVersion, owner, now);
            return true;
        }, cancellationToken);

    private static async Task<ReviewDocument> LoadAsync(IncidentHubDbContext db, int incidentId, bool withSections, CancellationToken cancellationToken)
    {
        IQueryable<ReviewDocument> query = db.ReviewDocuments.Include(r => r.Reviewers).Include(r => r.KeyEvents);
        if (withSections)
        {
            query = query.Include(r => r.Sections);
        }

        return await query.AsSplitQuery().SingleOrDefaultAsync(r => r.IncidentId == incidentId, cancellationToken)
            ?? throw new NotFoundException("This incident has no review yet. Start it first.");
    }

    private static async Task<Timeline.TimelineEntry> FindEntryAsync(IncidentHubDbContext db, int incidentId, long entryId, CancellationToken cancellationToken) =>
        await db.TimelineEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId && e.IncidentId == incidentId, cancellationToken)
            ?? throw new NotFoundException("That timeline entry no longer exists.");

    private static async Task<bool> CanSeeAsync(IncidentHubDbContext db, UserRef user, int incidentId, CancellationToken cancellationToken)
    {
        var role = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.Role).SingleAsync(cancellationToken);
        return await IncidentAccessRules.CanSeeAsync(db, new Actor(user.Id, user.DisplayName, role), incidentId, cancellationToken);
    }

    internal static ReviewSectionView View(ReviewSection s) =>
        new(s.Id, s.Title, s.Guidance, s.Prefill, s.SortOrder, s.Body, s.EditedByName, s.EditedAt, s.Version);
}
