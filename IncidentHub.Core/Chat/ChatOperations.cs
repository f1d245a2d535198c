using System.Text.Json;

namespace IncidentHub.Core.Chat;

/// <summary>The details of each outbox operation, stored as JSON in <see cref="ChatOutboxItem.Payload"/>.</summary>
public static class ChatOperations
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T operation) => JsonSerializer.Serialize(operation, Json);

    public static T Deserialize<T>(string payload) =>
        JsonSerializer.Deserialize<T>(payload, Json) ?? throw new InvalidOperationException("An outbox payload was empty.");
}

/// <summary>Make the channel for incident <see cref="Number"/>, private when the incident is.</summary>
/// <param name="Prefix">What the channel's name starts with instead of "inc" (the incident type's prefix; null or "" for "inc").</param>
public sealed record CreateChannelOperation(int Number, string IncidentName, bool IsPrivate, string? Prefix = null);

public sealed record SetTopicOperation(string Topic);

/// <summary>Bring these IncidentHub users (or chat-only people, by their external actor ids) into the channel.</summary>
public sealed record InviteOperation(IReadOnlyList<string> UserIds);

/// <summary>
/// A message in IncidentHub's words: a headline (what happened), an optional body (the update's text, say), an
/// optional line of context, and people to mention (IncidentHub user ids or external actor ids).
/// <see cref="IsPrivacyNotice"/>: the one message that may still go to the public channel of an incident made
/// private, saying that nothing more will. <see cref="Links"/>: incidents to list, one a line, each linked to its
/// page in IncidentHub when the adapter knows IncidentHub's address.
/// </summary>
public sealed record PostOperation(
    string Headline,
    string? Body = null,
    string? Context = null,
    IReadOnlyList<string>? Mentions = null,
    bool IsPrivacyNotice = false,
    IReadOnlyList<PostLink>? Links = null);

/// <summary>One incident in a post's list: its number (for the link), its title and a line about it.</summary>
public sealed record PostLink(int Number, string Title, string Detail);

/// <summary>Announce (or update the announcement of) the incident; the text is made from its state when sent.</summary>
public sealed record AnnounceOperation;

public sealed record ArchiveOperation;

/// <summary>
/// A direct message to one IncidentHub user, sent only when they are linked to a chat user (else skipped, said in the
/// outbox). <see cref="Links"/> as in <see cref="PostOperation"/>; <see cref="Href"/> is a page of IncidentHub's to
/// open ("/follow-ups?view=mine"), linked when the adapter knows IncidentHub's address.
/// </summary>
public sealed record DirectMessageOperation(
    string UserId,
    string Headline,
    string? Body = null,
    IReadOnlyList<PostLink>? Links = null,
    string? Href = null);
