namespace IncidentHub.Core.Chat;

public enum ChatInboxStatus
{
    /// <summary>Received and acknowledged; not applied yet.</summary>
    Pending,

    /// <summary>Applied (or recognised as a duplicate of what was applied).</summary>
    Done,

    /// <summary>Nothing to do: not an incident channel, a bot's own post, an event IncidentHub does not use.</summary>
    Ignored,

    /// <summary>Could not be applied after several tries; an admin can retry it.</summary>
    Failed,
}

/// <summary>
/// An event received from a chat system, stored before it is acknowledged and applied later by a background sweep.
/// The event's own id is unique, so a retried delivery finds its first copy. Once applied, the payload is
/// dropped (the timeline holds what matters) and the row stays a while longer to recognise late retries.
/// </summary>
public sealed class ChatInboxItem
{
    public const int MaxAttempts = 5;

    private ChatInboxItem()
    {
    }

    public ChatInboxItem(string eventId, string kind, string payload, int retryNumber, DateTimeOffset receivedAt)
    {
        EventId = eventId;
        Kind = kind;
        Payload = payload;
        RetryNumber = retryNumber;
        ReceivedAt = receivedAt;
        NextAttemptAtTicks = receivedAt.UtcTicks;
    }

    public long Id { get; private set; }

    /// <summary>The chat system's id for this delivery's event (the same on every retry).</summary>
    public string EventId { get; private set; } = "";

    /// <summary>What kind of event, for the admin page and logs (never its content).</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The event as received; null once applied.</summary>
    public string? Payload { get; private set; }

    /// <summary>Which delivery of the event was stored first (0 for the original, 1..3 for retries).</summary>
    public int RetryNumber { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public ChatInboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public long NextAttemptAtTicks { get; private set; }

    public string? LeaseToken { get; private set; }

    public long LeaseUntilTicks { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>Why it failed or was ignored: a code or short reason, never message text.</summary>
    public string? Outcome { get; private set; }

    /// <summary>An interaction handled while the request was open (a form submission): kept only to recognise a repeat.</summary>
    internal static ChatInboxItem Handled(string eventId, string kind, DateTimeOffset now) => new(eventId, kind, "", 0, now)
    {
        Status = ChatInboxStatus.Done,
        Payload = null,
        ProcessedAt = now,
    };
}
