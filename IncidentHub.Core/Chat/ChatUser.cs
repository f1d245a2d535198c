namespace IncidentHub.Core.Chat;

/// <summary>
/// A person as the chat system knows them, matched to an IncidentHub account by email. Kept so that every message
/// does not ask the chat system who wrote it.
/// </summary>
public sealed class ChatUser
{
    private ChatUser()
    {
    }

    internal ChatUser(string provider, string externalId)
    {
        Provider = provider;
        ExternalId = externalId;
    }

    public string Provider { get; private set; } = "";

    public string ExternalId { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string? Email { get; private set; }

    /// <summary>The IncidentHub account with the same email, if any.</summary>
    public string? MatchedUserId { get; private set; }

    public DateTimeOffset RefreshedAt { get; private set; }

    internal void Refresh(string displayName, string? email, string? matchedUserId, DateTimeOffset now)
    {
        DisplayName = displayName;
        Email = email;
        MatchedUserId = matchedUserId;
        RefreshedAt = now;
    }
}
