namespace IncidentHub.Core.Reviews;

/// <summary>
/// How the review tells one timeline entry: starred or not for the review, and reworded or not. The incident's own
/// record (the entry and its key-event star on the incident's timeline) is never touched; without a row the review
/// follows the incident's star and words.
/// </summary>
public sealed class ReviewKeyEvent
{
    private ReviewKeyEvent()
    {
    }

    internal ReviewKeyEvent(long timelineEntryId, bool isStarred)
    {
        TimelineEntryId = timelineEntryId;
        IsStarred = isStarred;
    }

    public long Id { get; private set; }

    public int ReviewDocumentId { get; private set; }

    public long TimelineEntryId { get; private set; }

    /// <summary>On the review's timeline.</summary>
    public bool IsStarred { get; private set; }

    /// <summary>The review's words for the entry; null: the entry's own words.</summary>
    public string? Wording { get; private set; }

    public string? EditedById { get; private set; }

    public string? EditedByName { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    internal void Star(bool starred, string editorId, string editorName, DateTimeOffset now)
    {
        IsStarred = starred;
        Touch(editorId, editorName, now);
    }

    internal void Reword(string? wording, string editorId, string editorName, DateTimeOffset now)
    {
        Wording = wording;
        Touch(editorId, editorName, now);
    }

    private void Touch(string editorId, string editorName, DateTimeOffset now)
    {
        EditedById = editorId;
        EditedByName = editorName;
        EditedAt = now;
    }
}
