using IncidentHub.Core.Timeline;

namespace IncidentHub.Core.Reviews;

/// <summary>
/// A timeline entry as the review tells it: starred for the review or not, in the review's words or the entry's own.
/// <see cref="IsKeyEventOnIncident"/> is the incident's own star, which curating the review never changes.
/// </summary>
public sealed record ReviewKeyEventView(
    long EntryId,
    TimelineEntryKind Kind,
    string ActorName,
    DateTimeOffset OccurredAt,
    string OriginalText,
    string? Wording,
    bool IsStarred,
    bool IsKeyEventOnIncident,
    string? EditedByName,
    DateTimeOffset? EditedAt)
{
    /// <summary>The words the review uses.</summary>
    public string Text => Wording ?? OriginalText;

    public bool IsReworded => Wording is not null;

    /// <summary>The writers chose differently from the incident's timeline (starred or unstarred here only).</summary>
    public bool DiffersFromIncident => IsStarred != IsKeyEventOnIncident;
}

/// <summary>The review's key events, and (when asked) the other entries of the timeline that could be starred.</summary>
public sealed record ReviewKeyEventList(IReadOnlyList<ReviewKeyEventView> KeyEvents, IReadOnlyList<ReviewKeyEventView> Others, int OtherCount);
