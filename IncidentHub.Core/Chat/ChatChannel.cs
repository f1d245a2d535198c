using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Chat;

/// <summary>
/// The one chat channel of an incident. The row is written once, when the chat outbox consumer handles the
/// declaration (so there is exactly one per incident, however often the channel's creation is retried); the channel's
/// id is recorded once the chat system has made it, and never replaced after that.
/// </summary>
public sealed class ChatChannel
{
    private ChatChannel()
    {
    }

    internal ChatChannel(int incidentId, bool isPrivate, DateTimeOffset requestedAt)
    {
        IncidentId = incidentId;
        IsPrivate = isPrivate;
        RequestedAt = requestedAt;
    }

    public int IncidentId { get; private set; }

    public Incident? Incident { get; private set; }

    /// <summary>The channel's id in the chat system; null until it exists.</summary>
    public string? ExternalId { get; private set; }

    public string? Name { get; private set; }

    public bool IsPrivate { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? CreatedAt { get; private set; }

    /// <summary>Where the incident was announced (a channel id) and the announcement's message id, to keep it current.</summary>
    public string? AnnouncementChannelId { get; private set; }

    public string? AnnouncementMessageId { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    public bool Exists => ExternalId is not null;

    /// <summary>
    /// Records the channel the chat system made. Once recorded, the channel never changes: a second, different one
    /// (a race inside the chat system) is refused and the caller should remove it.
    /// </summary>
    /// <returns>True when <paramref name="externalId"/> is (now) this incident's channel.</returns>
    internal bool RecordCreated(string externalId, string name, DateTimeOffset now)
    {
        if (ExternalId is not null)
        {
            return ExternalId == externalId;
        }

        ExternalId = externalId;
        Name = name;
        CreatedAt = now;
        return true;
    }

    internal void RecordAnnouncement(string channelId, string messageId)
    {
        AnnouncementChannelId = channelId;
        AnnouncementMessageId = messageId;
    }

    internal void RecordArchived(DateTimeOffset now) => ArchivedAt ??= now;
}
