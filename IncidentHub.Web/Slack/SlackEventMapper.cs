using System.Text.Json;
using IncidentHub.Core.Chat;

namespace IncidentHub.Web.Slack;

/// <summary>The result of reading one stored Slack event: a chat event for Core, or why there is nothing to do.</summary>
public sealed record MappedEvent(ChatEvent? Event, string? Ignored, IReadOnlyList<string> People)
{
    public static MappedEvent Ignore(string reason) => new(null, reason, []);
}

/// <summary>
/// Reads Slack's Events API payloads (shapes as in Slack's own SDK fixtures) into IncidentHub's chat events. Protocol
/// knowledge only: which subtypes are people talking, where an edit keeps its text and times, what a pin carries.
/// Bots' posts (ours included) are never mirrored.
/// </summary>
public static class SlackEventMapper
{
    /// <summary>The event types IncidentHub stores; everything else is acknowledged and dropped.</summary>
    public static readonly IReadOnlySet<string> Stored = new HashSet<string>(StringComparer.Ordinal)
    {
        "message", "reaction_added", "reaction_removed", "pin_added", "pin_removed", "member_joined_channel",
        "tokens_revoked", "app_uninstalled",
    };

    /// <summary>Message subtypes that are a person talking.</summary>
    private static readonly HashSet<string> Talking = new(StringComparer.Ordinal) { "", "file_share", "thread_broadcast", "me_message" };

    /// <summary>A short kind for logs and the admin page: the event type and subtype, never content.</summary>
    public static string KindOf(JsonElement @event)
    {
        var type = Str(@event, "type") ?? "unknown";
        var subtype = Str(@event, "subtype");
        var kind = subtype is null ? type : $"{type}/{subtype}";
        return kind.Length <= 60 ? kind : kind[..60];
    }

    public static MappedEvent Map(JsonElement envelope, string reaction, BotIdentity? bot)
    {
        if (!envelope.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.Object)
        {
            return MappedEvent.Ignore("no event");
        }

        var eventTime = envelope.TryGetProperty("event_time", out var t) && t.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799)) : (DateTimeOffset?)null;
        return Str(e, "type") switch
        {
            "message" => Message(e, bot),
            "reaction_added" or "reaction_removed" => Reaction(e, reaction, bot),
            "pin_added" or "pin_removed" => Pin(e, eventTime),
            "member_joined_channel" => Joined(e, Str(e, "user"), eventTime, bot),
            "tokens_revoked" => MappedEvent.Ignore("tokens revoked"),
            "app_uninstalled" => MappedEvent.Ignore("app uninstalled"),
            _ => MappedEvent.Ignore("not used"),
        };
    }

    private static MappedEvent Message(JsonElement e, BotIdentity? bot)
    {
        var channel = Str(e, "channel");
        if (channel is null)
        {
            return MappedEvent.Ignore("no channel");
        }

        var subtype = Str(e, "subtype") ?? "";
        switch (subtype)
        {
            case "message_changed":
                return Changed(e, channel);
            case "message_deleted":
                return Deleted(e, channel);
            case "channel_join":
                return Joined(e, Str(e, "user"), Ts(e, "ts"), bot);
        }

        if (!Talking.Contains(subtype))
        {
            return MappedEvent.Ignore("not a person talking");
        }

        return Posted(e, channel) is { } posted ? new MappedEvent(posted, null, [posted.Author.ExternalId]) : MappedEvent.Ignore("a bot's or malformed message");
    }

    /// <summary>A person's message (not a bot's); null otherwise.</summary>
    private static ChatMessagePosted? Posted(JsonElement m, string channel)
    {
        var user = Str(m, "user");
        var ts = Str(m, "ts");
        if (IsBot(m) || user is null || ts is null || !SlackText.TryParseTs(ts, out var postedAt))
        {
            return null;
        }

        return new ChatMessagePosted(channel, ts, Str(m, "thread_ts"), Author(m, user), SlackText.ToPlain(Str(m, "text")), postedAt, Files(m));
    }

    private static MappedEvent Changed(JsonElement e, string channel)
    {
        if (!e.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            return MappedEvent.Ignore("malformed edit");
        }

        var previous = e.TryGetProperty("previous_message", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var ts = Str(message, "ts") ?? Str(previous, "ts");
        var user = Str(message, "user") ?? Str(previous, "user");
        if (IsBot(message) || IsBot(previous) || ts is null || user is null || !SlackText.TryParseTs(ts, out var postedAt))
        {
            return MappedEvent.Ignore("a bot's or malformed edit");
        }

        var text = SlackText.ToPlain(Str(message, "text"));
        var previousText = previous.ValueKind == JsonValueKind.Object ? SlackText.ToPlain(Str(previous, "text")) : null;
        var editedAt = message.TryGetProperty("edited", out var edited) ? Ts(edited, "ts") : null;
        if (editedAt is null)
        {
            // Unfurls and thread bookkeeping also "change" a message; only a new text is an edit.
            if (previousText is null || previousText == text)
            {
                return MappedEvent.Ignore("no change to the text");
            }

            editedAt = Ts(e, "event_ts") ?? Ts(e, "ts") ?? postedAt;
        }

        ChatTextVersion? before = null;
        if (previousText is not null)
        {
            var since = previous.TryGetProperty("edited", out var previousEdit) ? Ts(previousEdit, "ts") : null;
            before = new ChatTextVersion(previousText, since ?? postedAt);
        }

        var changed = new ChatMessageEdited(channel, ts, Str(message, "thread_ts"), Author(message, user), postedAt, new ChatTextVersion(text, editedAt.Value), before);
        return new MappedEvent(changed, null, [user]);
    }

    private static MappedEvent Deleted(JsonElement e, string channel)
    {
        var deletedTs = Str(e, "deleted_ts");
        if (deletedTs is null || !SlackText.TryParseTs(deletedTs, out var postedAt))
        {
            return MappedEvent.Ignore("malformed deletion");
        }

        var previous = e.TryGetProperty("previous_message", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        if (IsBot(previous))
        {
            return MappedEvent.Ignore("a bot's message");
        }

        var user = Str(previous, "user");
        var author = user is null ? null : Author(previous, user);
        var deleted = new ChatMessageDeleted(channel, deletedTs, postedAt, author, Ts(e, "event_ts") ?? Ts(e, "ts") ?? postedAt);
        return new MappedEvent(deleted, null, user is null ? [] : [user]);
    }

    private static MappedEvent Reaction(JsonElement e, string reaction, BotIdentity? bot)
    {
        var user = Str(e, "user");
        if (!string.Equals(Str(e, "reaction"), reaction, StringComparison.Ordinal))
        {
            return MappedEvent.Ignore("another reaction");
        }

        if (!e.TryGetProperty("item", out var item) || Str(item, "type") != "message" || Str(item, "channel") is not { } channel
            || Str(item, "ts") is not { } ts || user is null || user == bot?.UserId)
        {
            return MappedEvent.Ignore("not a person's reaction to a message");
        }

        var at = Ts(e, "event_ts");
        if (at is null)
        {
            return MappedEvent.Ignore("malformed reaction");
        }

        return new MappedEvent(new ChatMarkChanged(channel, ts, ChatMarkKind.Reaction, user, Str(e, "type") == "reaction_added", at.Value), null, []);
    }

    private static MappedEvent Pin(JsonElement e, DateTimeOffset? eventTime)
    {
        var item = e.TryGetProperty("item", out var i) && i.ValueKind == JsonValueKind.Object ? i : default;
        var message = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var channel = Str(e, "channel_id") ?? Str(item, "channel");
        var ts = Str(message, "ts");
        var at = Ts(e, "event_ts") ?? eventTime;
        if (channel is null || ts is null || at is null || (Str(item, "type") is { } type && type != "message"))
        {
            return MappedEvent.Ignore("not a pinned message");
        }

        var carried = Posted(message, channel);
        var mark = new ChatMarkChanged(channel, ts, ChatMarkKind.Pin, "", Str(e, "type") == "pin_added", at.Value, carried);
        return new MappedEvent(mark, null, carried is null ? [] : [carried.Author.ExternalId]);
    }

    private static MappedEvent Joined(JsonElement e, string? user, DateTimeOffset? at, BotIdentity? bot)
    {
        var channel = Str(e, "channel");
        var when = Ts(e, "event_ts") ?? at;
        if (channel is null || user is null || when is null)
        {
            return MappedEvent.Ignore("malformed join");
        }

        if (user == bot?.UserId)
        {
            return MappedEvent.Ignore("the bot joined");
        }

        return new MappedEvent(new ChatMemberJoined(channel, Author(e, user), when.Value), null, [user]);
    }

    private static bool IsBot(JsonElement m) =>
        m.ValueKind == JsonValueKind.Object && (m.TryGetProperty("bot_id", out var bot) && bot.ValueKind == JsonValueKind.String && bot.GetString()!.Length > 0
            || Str(m, "subtype") == "bot_message");

    private static ChatAuthor Author(JsonElement m, string user)
    {
        var profile = m.TryGetProperty("user_profile", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var name = NonEmpty(Str(profile, "display_name")) ?? NonEmpty(Str(profile, "real_name")) ?? NonEmpty(Str(m, "username")) ?? user;
        return new ChatAuthor(user, name);
    }

    private static List<ChatFileRef> Files(JsonElement m)
    {
        if (!m.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<ChatFileRef>();
        foreach (var file in files.EnumerateArray().Take(20))
        {
            if (Str(file, "id") is not { } id || Str(file, "mode") is "tombstone" or "hidden_by_limit")
            {
                continue;
            }

            var size = file.TryGetProperty("size", out var s) && s.TryGetInt64(out var bytes) ? bytes : 0;
            list.Add(new ChatFileRef(id, Str(file, "name") ?? Str(file, "title") ?? id, Str(file, "mimetype") ?? "", size,
                Str(file, "url_private_download") ?? Str(file, "url_private")));
        }

        return list;
    }

    private static DateTimeOffset? Ts(JsonElement from, string property) =>
        SlackText.TryParseTs(Str(from, property), out var instant) ? instant : null;

    internal static string? Str(JsonElement from, string property) =>
        from.ValueKind == JsonValueKind.Object && from.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
