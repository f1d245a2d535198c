namespace IncidentHub.Core.Reviews;

/// <summary>Someone the owner asked to read the review, and their answer.</summary>
public sealed class ReviewReviewer
{
    private ReviewReviewer()
    {
    }

    internal ReviewReviewer(string userId, string userName)
    {
        UserId = userId;
        UserName = userName;
        Verdict = ReviewVerdict.Pending;
    }

    public int Id { get; private set; }

    public int ReviewDocumentId { get; private set; }

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public ReviewVerdict Verdict { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    internal void Answer(ReviewVerdict verdict, string? comment, DateTimeOffset now)
    {
        Verdict = verdict;
        Comment = comment;
        AnsweredAt = now;
    }

    internal void Reset()
    {
        Verdict = ReviewVerdict.Pending;
        Comment = null;
        AnsweredAt = null;
    }
}
