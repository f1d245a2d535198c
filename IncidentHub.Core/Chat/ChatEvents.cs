namespace IncidentHub.Core.Chat;

/// <summary>
/// Something that happened in a chat channel, in IncidentHub's words. Adapters translate their chat system's events
/// into these; <see cref="ChatMirrorService"/> applies them to the timeline of the incident the channel belongs to.
/// Message ids are the chat system's own (unique within a channel) and are what makes applying an event idempotent.
/// </summary>
public abstract record ChatEvent(string ChannelId);

/// <summary>Someone in the chat: their id there and the name to show when they have no IncidentHub account.</summary>
public sealed record ChatAuthor(string ExternalId, string Name);

/// <summary>A file shared with a message. <see cref="SourceUrl"/> is for the adapter only.</summary>
public sealed record ChatFileRef(string ExternalId, string Name, string ContentType, long Size, string? SourceUrl);

/// <summary>A person posted a message (or a reply in a thread, when <see cref="ThreadId"/> is set).</summary>
public sealed record ChatMessagePosted(
    string ChannelId,
    string MessageId,
    string? ThreadId,
    ChatAuthor Author,
    string Text,
    DateTimeOffset PostedAt,
    IReadOnlyList<ChatFileRef> Files) : ChatEvent(ChannelId);

/// <summary>One version of a message's text and when it became current.</summary>
public sealed record ChatTextVersion(string Text, DateTimeOffset Since);

/// <summary>
/// A message was edited: <see cref="Current"/> is the text after the edit, <see cref="Previous"/> the one before it
/// (when the chat system says).
/// </summary>
public sealed record ChatMessageEdited(
    string ChannelId,
    string MessageId,
    string? ThreadId,
    ChatAuthor Author,
    DateTimeOffset PostedAt,
    ChatTextVersion Current,
    ChatTextVersion? Previous) : ChatEvent(ChannelId);

public sealed record ChatMessageDeleted(
    string ChannelId,
    string MessageId,
    DateTimeOffset PostedAt,
    ChatAuthor? Author,
    DateTimeOffset DeletedAt) : ChatEvent(ChannelId);

/// <summary>
/// A message was pinned or unpinned, or given or relieved of the key-event reaction. <see cref="By"/> is who reacted
/// (empty for pins); <see cref="At"/> orders the events for one mark. A pin carries the message itself, so a pin that
/// arrives before its message still records it.
/// </summary>
public sealed record ChatMarkChanged(
    string ChannelId,
    string MessageId,
    ChatMarkKind Kind,
    string By,
    bool On,
    DateTimeOffset At,
    ChatMessagePosted? Message = null) : ChatEvent(ChannelId);

/// <summary>Someone joined the channel. Chat systems often report a join twice (an event and a notice): recorded once.</summary>
public sealed record ChatMemberJoined(string ChannelId, ChatAuthor Member, DateTimeOffset At) : ChatEvent(ChannelId);

public enum ChatApplyOutcome
{
    /// <summary>The timeline changed.</summary>
    Applied,

    /// <summary>Already applied (a retry, a duplicate, or an older event overtaken by a newer one).</summary>
    Duplicate,

    /// <summary>The channel is not an incident's channel.</summary>
    NotAnIncidentChannel,
}
