namespace IncidentHub.Core.Chat;

public enum ChatMarkKind
{
    /// <summary>The message is pinned in the channel.</summary>
    Pin,

    /// <summary>Someone gave the message the configured reaction.</summary>
    Reaction,
}

/// <summary>
/// One reason to treat a chat message as a key event: its pin, or one person's reaction. A message is highlighted
/// while at least one mark is on. Each mark remembers the instant of the last event applied to it, so a late event
/// (a "removed" overtaken by a newer "added") changes nothing.
/// </summary>
public sealed class ChatMark
{
    private ChatMark()
    {
    }

    internal ChatMark(int incidentId, string messageId, ChatMarkKind kind, string by)
    {
        IncidentId = incidentId;
        MessageId = messageId;
        Kind = kind;
        By = by;
    }

    public long Id { get; private set; }

    public int IncidentId { get; private set; }

    /// <summary>The marked message's id in the chat system.</summary>
    public string MessageId { get; private set; } = "";

    public ChatMarkKind Kind { get; private set; }

    /// <summary>Who reacted; empty for a pin (a message is pinned or not, whoever pinned it).</summary>
    public string By { get; private set; } = "";

    public bool IsOn { get; private set; }

    /// <summary>When the event last applied here happened, in UTC ticks.</summary>
    public long LastEventAtTicks { get; private set; }

    /// <returns>True when the event was newer than the last one applied (and so was applied).</returns>
    internal bool Apply(bool on, DateTimeOffset at)
    {
        if (LastEventAtTicks != 0 && at.UtcTicks <= LastEventAtTicks)
        {
            return false;
        }

        IsOn = on;
        LastEventAtTicks = at.UtcTicks;
        return true;
    }
}
