using IncidentHub.Core.Common;

namespace IncidentHub.Core.Reviews;

/// <summary>A written review as its pages show it, with the rules' answers for the viewer (pages never derive a rule).</summary>
public sealed record ReviewDocumentView(
    int Id,
    int IncidentId,
    string OwnerId,
    string OwnerName,
    ReviewState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? PublishedAt,
    string? PublishedByName,
    Guid Version,
    IReadOnlyList<ReviewSectionView> Sections,
    IReadOnlyList<ReviewerView> Reviewers)
{
    public bool IsPublished => State == ReviewState.Published;

    /// <summary>Responders write sections until the review is published.</summary>
    public bool CanWrite(Actor actor) => actor is not null && actor.CanRespond && !IsPublished;

    /// <summary>The owner (or an admin) asks for review, publishes and reopens.</summary>
    public bool CanSteer(Actor actor) => actor is not null && actor.CanRespond && (actor.UserId == OwnerId || actor.IsAdmin);

    public bool CanRequestReview(Actor actor) => CanSteer(actor) && !IsPublished;

    public bool CanPublish(Actor actor) =>
        CanSteer(actor) && State == ReviewState.InReview && Reviewers.Count > 0 && Reviewers.All(r => r.Verdict == ReviewVerdict.Approved);

    public bool CanReopen(Actor actor) => CanSteer(actor) && IsPublished;

    /// <summary>A named reviewer answers while the review is in review.</summary>
    public bool CanAnswer(Actor actor) => actor is not null && State == ReviewState.InReview && Reviewers.Any(r => r.UserId == actor.UserId);

    public ReviewSectionView? Section(ReviewPrefill prefill) => Sections.FirstOrDefault(s => s.Prefill == prefill);

    /// <summary>The section Learnings shows with every review (the one called "Lessons", else none).</summary>
    public ReviewSectionView? Lessons => Sections.FirstOrDefault(s => string.Equals(s.Title, "Lessons", StringComparison.OrdinalIgnoreCase));
}

public sealed record ReviewSectionView(int Id, string Title, string Guidance, ReviewPrefill Prefill, int SortOrder, string Body, string? EditedByName, DateTimeOffset EditedAt, Guid Version);

public sealed record ReviewerView(string UserId, string UserName, ReviewVerdict Verdict, string? Comment, DateTimeOffset? AnsweredAt);
