namespace IncidentHub.Core.Events;

// The timeline itself: notes and key events.

[EventKind("timeline.note_added")]
public sealed record NoteAdded(long EntryId, string Text, bool Highlighted) : IncidentEvent;

/// <summary>A timeline entry was made a key event, or stopped being one.</summary>
[EventKind("timeline.key_event_marked")]
public sealed record KeyEventMarked(long EntryId, bool Highlighted) : IncidentEvent;
