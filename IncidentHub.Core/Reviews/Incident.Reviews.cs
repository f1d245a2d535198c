using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.Reviews;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Users;

namespace IncidentHub.Core.Incidents;

/// <summary>
/// The written review belongs to the incident: its changes are made here, so they are told on the incident's
/// timeline and recorded as events like every other change (the review's own rules live in <see cref="ReviewDocument"/>).
/// </summary>
public sealed partial class Incident
{
    /// <summary>Starts the review, owned by the incident lead, with the template's sections pre-filled.</summary>
    public ReviewDocument StartReview(Actor actor, IEnumerable<(ReviewTemplateSection Template, string Body)> sections, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        PermissionsFor(actor).EnsureStartReview();

        var review = ReviewDocument.Start(Id, new UserRef(LeadId, LeadName), sections, now);
        var entry = Append(new TimelineEntry(TimelineEntryKind.Review, actor, $"{actor.DisplayName} started the review, owned by {LeadName}.", now, now));
        Record(actor, now, entry, () => new ReviewStarted(review.Id, review.OwnerId, review.OwnerName));
        return review;
    }

    public ReviewSection SaveReviewSection(Actor actor, ReviewDocument review, int sectionId, Guid seenVersion, string body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(review);
        EnsureOwn(review);
        var section = review.SaveSection(actor, sectionId, seenVersion, body, now);
        // Not on the timeline (a review is saved many times); the event tells open pages.
        Record(actor, now, null, new ReviewSectionSaved(review.Id, section.Id, section.Title));
        return section;
    }

    /// <summary>
    /// Stars (or unstars) <paramref name="entry"/> as a key event of the review only: the incident's timeline keeps its
    /// own star. Not on the timeline (curating is part of writing); the event records who did it.
    /// </summary>
    public void StarReviewKeyEvent(Actor actor, ReviewDocument review, TimelineEntry entry, bool starred, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(entry);
        EnsureOwn(review, entry);
        if (review.StarKeyEvent(actor, entry, starred, now) is not null)
        {
            Record(actor, now, null, new ReviewKeyEventStarred(review.Id, entry.Id, starred));
        }
    }

    /// <summary>Rewords a key event for the review only (the entry keeps its words on the incident's timeline).</summary>
    public void RewordReviewKeyEvent(Actor actor, ReviewDocument review, TimelineEntry entry, string seenText, string? wording, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(entry);
        EnsureOwn(review, entry);
        if (review.RewordKeyEvent(actor, entry, seenText, wording, now) is { } row)
        {
            Record(actor, now, null, new ReviewKeyEventReworded(review.Id, entry.Id, row.Wording));
        }
    }

    public void RequestReview(Actor actor, ReviewDocument review, Guid seenVersion, IReadOnlyList<UserRef> reviewers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(reviewers);
        EnsureOwn(review);
        review.RequestReview(actor, seenVersion, reviewers);
        var names = review.Reviewers.Select(r => r.UserName).ToList();
        var entry = Append(new TimelineEntry(TimelineEntryKind.Review, actor, $"{actor.DisplayName} asked {string.Join(", ", names)} to review the review.", now, now));
        Record(actor, now, entry, new ReviewRequested(review.Id, [.. review.Reviewers.Select(r => r.UserId)], names));
    }

    public void AnswerReview(Actor actor, ReviewDocument review, ReviewVerdict verdict, string? comment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(review);
        EnsureOwn(review);
        var reviewer = review.Answer(actor, verdict, comment, now);
        var text = verdict == ReviewVerdict.Approved
            ? $"{actor.DisplayName} approved the review."
            : $"{actor.DisplayName} asked for changes to the review.";
        var entry = Append(new TimelineEntry(TimelineEntryKind.Review, actor, text, now, now, reviewer.Comment));
        Record(actor, now, entry, new ReviewAnswered(review.Id, verdict, reviewer.Comment));
    }

    public void PublishReview(Actor actor, ReviewDocument review, Guid seenVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(review);
        EnsureOwn(review);
        review.Publish(actor, seenVersion, now);
        var entry = Append(new TimelineEntry(TimelineEntryKind.Review, actor, $"{actor.DisplayName} published the review.", now, now));
        Record(actor, now, entry, new ReviewPublished(review.Id));
    }

    public void ReopenReview(Actor actor, ReviewDocument review, Guid seenVersion, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(review);
        EnsureOwn(review);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw ValidationFailedException.For("Reason", "Say why the published review is reopened.");
        }

        review.Reopen(actor, seenVersion);
        var entry = Append(new TimelineEntry(TimelineEntryKind.Review, actor, $"{actor.DisplayName} reopened the published review.", now, now, reason.Trim()));
        Record(actor, now, entry, new ReviewReopened(review.Id, reason.Trim()));
    }

    public void ChangeReviewOwner(Actor actor, ReviewDocument review, Guid seenVersion, UserRef owner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(owner);
        EnsureOwn(review);
        var from = review.OwnerName;
        review.ChangeOwner(actor, LeadId, seenVersion, owner);
        var entry = Append(new TimelineEntry(TimelineEntryKind.Review, actor, $"{actor.DisplayName} handed the review from {from} to {owner.DisplayName}.", now, now));
        Record(actor, now, entry, new ReviewOwnerChanged(review.Id, owner.Id, owner.DisplayName));
    }

    private void EnsureOwn(ReviewDocument review, TimelineEntry entry)
    {
        EnsureOwn(review);
        if (entry.IncidentId != Id)
        {
            throw new NotFoundException("That timeline entry no longer exists.");
        }
    }

    private void EnsureOwn(ReviewDocument review)
    {
        if (review.IncidentId != Id)
        {
            throw new InvalidOperationException($"Review {review.Id} belongs to another incident.");
        }
    }
}
