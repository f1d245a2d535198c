namespace IncidentHub.Core.Events;

// What the chat mirror put on the timeline. The words are on the timeline entry (EntryId); the events say what
// happened and where, so a consumer never has to compare timelines to find out.

/// <summary>A message written in the incident's channel is now on the timeline (or joined it: a reply, a file).</summary>
[EventKind("chat.message_mirrored")]
public sealed record ChatMessageMirrored(string MessageId, string? ThreadId, long EntryId, string AuthorName, int Files) : IncidentEvent;

[EventKind("chat.message_edited")]
public sealed record MirroredMessageEdited(string MessageId, long EntryId) : IncidentEvent;

[EventKind("chat.message_deleted")]
public sealed record MirroredMessageDeleted(string MessageId, long EntryId) : IncidentEvent;

/// <summary>A pin or the key-event reaction was added or taken away; <see cref="KeyEvent"/> is the message's state now.</summary>
[EventKind("chat.message_marked")]
public sealed record MirroredMessageMarked(string MessageId, long? EntryId, bool KeyEvent) : IncidentEvent;

[EventKind("chat.member_joined")]
public sealed record ChannelMemberJoined(string MemberName, long EntryId) : IncidentEvent;

/// <summary>A file shared in the channel was copied (<see cref="Stored"/>) or refused.</summary>
[EventKind("chat.file_copied")]
public sealed record ChatFileCopied(long AttachmentId, bool Stored) : IncidentEvent;
