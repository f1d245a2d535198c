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
