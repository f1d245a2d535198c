using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Chat;

/// <summary>What a call to the chat system does. Stored by name.</summary>
public enum ChatOperationKind
{
    /// <summary>Make the incident's channel (or adopt the one an earlier try made).</summary>
    CreateChannel,

    /// <summary>Set the channel's topic to the incident's reference and name.</summary>
    SetTopic,

    /// <summary>Bring people into the channel.</summary>
    Invite,

    /// <summary>Announce the incident in the announcements channel.</summary>
    Announce,

    /// <summary>Bring the announcement up to date with the incident's status, severity and lead.</summary>
    UpdateAnnouncement,

    /// <summary>Post a message: in the incident's channel, or the announcements channel for workspace-wide posts.</summary>
    Post,

    /// <summary>Archive the channel of a finished incident.</summary>
    Archive,

    /// <summary>A direct message to one person (the weekly follow-up digest, a nudge), in the workspace lane or the incident's.</summary>
    DirectMessage,
}

public enum ChatOutboxStatus
{
    /// <summary>Waiting its turn (or a retry).</summary>
    Pending,

    /// <summary>Done: the chat system accepted it.</summary>
    Sent,

    /// <summary>Refused by the chat system or out of retries; an admin can retry it.</summary>
    Failed,

    /// <summary>Not needed any more (a later update of the same announcement replaced it, say).</summary>
    Skipped,
}

/// <summary>
/// A call to make to a chat system, written in the same transaction as the change it reports. Calls for one incident
/// form a lane and go out in order (the channel is created before anything is posted in it); a call is claimed with a
/// lease before it is made, so only one worker makes it at a time.
/// </summary>
public sealed class ChatOutboxItem
{
    private ChatOutboxItem()
    {
    }

    internal ChatOutboxItem(Incident? incident, int? incidentId, ChatOperationKind kind, string payload, DateTimeOffset now)
    {
        Incident = incident;
        if (incident is null)
        {
            IncidentId = incidentId;
        }

        Kind = kind;
        Payload = payload;
        CreatedAt = now;
        NextAttemptAtTicks = now.UtcTicks;
    }

    public long Id { get; private set; }

    /// <summary>The incident, which is also the lane; null for workspace-wide calls (a test message).</summary>
    public int? IncidentId { get; private set; }

    public Incident? Incident { get; private set; }

    public ChatOperationKind Kind { get; private set; }

    /// <summary>The operation's details as JSON (see <see cref="ChatOperations"/>).</summary>
    public string Payload { get; private set; } = "";

    public ChatOutboxStatus Status { get; private set; }

    /// <summary>Tries that reached the chat system or failed there; waiting for a channel does not count.</summary>
    public int Attempts { get; private set; }

    public long NextAttemptAtTicks { get; private set; }

    public string? LeaseToken { get; private set; }

    public long LeaseUntilTicks { get; private set; }

    /// <summary>
    /// Set when a worker starts a try and cleared when it records the outcome. Still set when the row is claimed
    /// again means the last try's outcome is unknown (the worker died, or the call timed out): check before repeating.
    /// </summary>
    public DateTimeOffset? InFlightSince { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>A short error code or reason (never message text).</summary>
    public string? LastError { get; private set; }

    /// <summary>What the chat system returned: the posted message's id, say.</summary>
    public string? ResultId { get; private set; }
}
