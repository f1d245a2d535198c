using IncidentHub.Core.StatusPage;

namespace IncidentHub.Core.Events;

// The incident's public notice on the status page. Private incidents never have one.

[EventKind("status_page.draft_saved")]
public sealed record NoticeDraftSaved : IncidentEvent;

/// <param name="Services">The affected services and their state as published ("API: major outage"), or null.</param>
[EventKind("status_page.published")]
public sealed record NoticePublished(string Title, PublicStatus Status, string Message, string? Services) : IncidentEvent;
