namespace IncidentHub.Core.Chat;

/// <summary>What kind of member of the chat workspace someone is, as the chat system says.</summary>
public enum ChatUserKind
{
    /// <summary>Not asked yet, or the chat system could not say: treated like a guest until it can.</summary>
    Unknown,

    /// <summary>A full member of the workspace.</summary>
    Member,

    /// <summary>A guest (Slack: a multi- or single-channel guest, <c>is_restricted</c> / <c>is_ultra_restricted</c>).</summary>
    Guest,

    /// <summary>A bot or app user.</summary>
    Bot,
}

/// <summary>
/// A person as the chat system knows them, matched to an IncidentHub account by email. Kept so that every message
/// does not ask the chat system who wrote it.
/// </summary>
public sealed class ChatUser
{
    private ChatUser()
    {
    }

    internal ChatUser(string externalId)
    {
        ExternalId = externalId;
    }

    public string ExternalId { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string? Email { get; private set; }

    /// <summary>The IncidentHub account with the same email, if any.</summary>
    public string? MatchedUserId { get; private set; }

    public DateTimeOffset RefreshedAt { get; private set; }

    public ChatUserKind Kind { get; private set; }

    internal void Refresh(string displayName, string? email, string? matchedUserId, ChatUserKind kind, DateTimeOffset now)
    {
        Kind = kind;
        DisplayName = displayName;
        Email = email;
        MatchedUserId = matchedUserId;
        RefreshedAt = now;
    }
}
