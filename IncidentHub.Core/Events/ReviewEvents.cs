using IncidentHub.Core.Reviews;

namespace IncidentHub.Core.Events;

// The written review of an incident. Section text stays in its rows: events say which section changed.

[EventKind("review.started")]
public sealed record ReviewStarted(int ReviewId, string OwnerId, string OwnerName) : IncidentEvent;

[EventKind("review.section_saved")]
public sealed record ReviewSectionSaved(int ReviewId, int SectionId, string Title) : IncidentEvent;

[EventKind("review.requested")]
public sealed record ReviewRequested(int ReviewId, IReadOnlyList<string> ReviewerIds, IReadOnlyList<string> ReviewerNames) : IncidentEvent;

[EventKind("review.answered")]
public sealed record ReviewAnswered(int ReviewId, ReviewVerdict Verdict, string? Comment) : IncidentEvent;

[EventKind("review.published")]
public sealed record ReviewPublished(int ReviewId) : IncidentEvent;

[EventKind("review.reopened")]
public sealed record ReviewReopened(int ReviewId, string Reason) : IncidentEvent;

[EventKind("review.owner_changed")]
public sealed record ReviewOwnerChanged(int ReviewId, string OwnerId, string OwnerName) : IncidentEvent;

/// <summary>A timeline entry was starred (or unstarred) as a key event of the review only.</summary>
[EventKind("review.key_event_starred")]
public sealed record ReviewKeyEventStarred(int ReviewId, long EntryId, bool Starred) : IncidentEvent;

/// <summary>A key event was reworded for the review (null: back to the entry's own words).</summary>
[EventKind("review.key_event_reworded")]
public sealed record ReviewKeyEventReworded(int ReviewId, long EntryId, string? Wording) : IncidentEvent;
