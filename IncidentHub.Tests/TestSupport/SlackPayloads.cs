using System.Globalization;
using System.Text.Json.Nodes;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// Slack Events API payloads in the shapes Slack's own SDKs use in their test fixtures (slackapi/bolt-python
/// tests/scenario_tests, slackapi/java-slack-sdk json-logs/samples/events): the <c>event_callback</c> envelope with
/// <c>team_id</c>, <c>api_app_id</c>, <c>event_id</c>, <c>event_time</c>, <c>authorizations</c> and the event itself.
/// </summary>
public static class SlackPayloads
{
    public const string AppId = "A0FAKEAPP";

    private static int _events;

    /// <summary>A fresh event id, the way Slack writes them.</summary>
    public static string NewEventId() => "Ev" + Interlocked.Increment(ref _events).ToString("00000000", CultureInfo.InvariantCulture) + "FAKE";

    /// <summary>A message ts for an instant: seconds and microseconds.</summary>
    public static string Ts(DateTimeOffset at)
    {
        var micro = (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        return (micro / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (micro % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
    }

    public static string Envelope(JsonObject @event, string? eventId = null, long? eventTime = null) => new JsonObject
    {
        ["token"] = "verification-token-ignored",
        ["team_id"] = FakeSlack.TeamId,
        ["enterprise_id"] = null,
        ["api_app_id"] = AppId,
        ["event"] = @event,
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? NewEventId(),
        ["event_time"] = eventTime ?? 1_764_000_000,
        ["authorizations"] = new JsonArray
        {
            new JsonObject { ["enterprise_id"] = null, ["team_id"] = FakeSlack.TeamId, ["user_id"] = FakeSlack.BotUserId, ["is_bot"] = true, ["is_enterprise_install"] = false },
        },
        ["is_ext_shared_channel"] = false,
        ["event_context"] = "4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJUMEZBS0UifQ",
    }.ToJsonString();

    /// <summary>A person's message (as in bolt-python's test_message_bot.py user_message_event_payload).</summary>
    public static JsonObject Message(string channel, string ts, string user, string text, string? threadTs = null)
    {
        var message = new JsonObject
        {
            ["client_msg_id"] = Guid.NewGuid().ToString(),
            ["type"] = "message",
            ["text"] = text,
            ["user"] = user,
            ["ts"] = ts,
            ["team"] = FakeSlack.TeamId,
            ["blocks"] = RichText(text),
            ["channel"] = channel,
            ["event_ts"] = ts,
            ["channel_type"] = "channel",
        };
        if (threadTs is not null)
        {
            message["thread_ts"] = threadTs;
            message["parent_user_id"] = user;
        }

        return message;
    }

    /// <summary>A reply also sent to the channel (bolt-python's test_message_thread_broadcast.py).</summary>
    public static JsonObject ThreadBroadcast(string channel, string ts, string user, string text, string threadTs)
    {
        var message = Message(channel, ts, user, text, threadTs);
        message["subtype"] = "thread_broadcast";
        message["root"] = new JsonObject { ["type"] = "message", ["ts"] = threadTs, ["user"] = user, ["text"] = "root", ["thread_ts"] = threadTs, ["reply_count"] = 1 };
        return message;
    }

    /// <summary>A message from another app (bot_id and bot_profile), or one of ours when <paramref name="ours"/>.</summary>
    public static JsonObject BotMessage(string channel, string ts, string text, bool ours = false) => new()
    {
        ["bot_id"] = ours ? FakeSlack.BotId : "B0OTHERAPP",
        ["type"] = "message",
        ["text"] = text,
        ["user"] = ours ? FakeSlack.BotUserId : "U0OTHERBOT",
        ["ts"] = ts,
        ["team"] = FakeSlack.TeamId,
        ["bot_profile"] = new JsonObject { ["id"] = ours ? FakeSlack.BotId : "B0OTHERAPP", ["deleted"] = false, ["name"] = ours ? "incidenthub" : "other-app", ["app_id"] = ours ? AppId : "A0OTHER", ["team_id"] = FakeSlack.TeamId },
        ["channel"] = channel,
        ["event_ts"] = ts,
        ["channel_type"] = "channel",
    };

    /// <summary>A classic bot post (subtype bot_message, no user).</summary>
    public static JsonObject ClassicBotMessage(string channel, string ts, string text) => new()
    {
        ["type"] = "message", ["subtype"] = "bot_message", ["text"] = text, ["ts"] = ts, ["username"] = "classic-bot", ["bot_id"] = "B888",
        ["channel"] = channel, ["event_ts"] = ts, ["channel_type"] = "channel",
    };

    /// <summary>
    /// An edit (bolt-python's test_message_changed.py): the new text in <c>message</c>, with <c>edited.ts</c>;
    /// the old one in <c>previous_message</c>. As in that fixture, <c>message</c> may lack its own <c>ts</c>.
    /// </summary>
    public static JsonObject MessageChanged(string channel, string ts, string user, string text, string editedTs, string previousText, string eventTs, bool messageCarriesTs = true)
    {
        var message = new JsonObject
        {
            ["type"] = "message", ["text"] = text, ["user"] = user, ["team"] = FakeSlack.TeamId,
            ["edited"] = new JsonObject { ["user"] = user, ["ts"] = editedTs },
            ["blocks"] = RichText(text),
        };
        if (messageCarriesTs)
        {
            message["ts"] = ts;
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["subtype"] = "message_changed",
            ["message"] = message,
            ["previous_message"] = new JsonObject { ["type"] = "message", ["text"] = previousText, ["user"] = user, ["team"] = FakeSlack.TeamId, ["ts"] = ts, ["blocks"] = RichText(previousText) },
            ["channel"] = channel,
            ["hidden"] = true,
            ["ts"] = eventTs,
            ["event_ts"] = eventTs,
            ["channel_type"] = "channel",
        };
    }

    /// <summary>A deletion (bolt-python's test_message_deleted.py).</summary>
    public static JsonObject MessageDeleted(string channel, string deletedTs, string user, string previousText, string eventTs) => new()
    {
        ["type"] = "message",
        ["subtype"] = "message_deleted",
        ["previous_message"] = new JsonObject { ["type"] = "message", ["text"] = previousText, ["user"] = user, ["team"] = FakeSlack.TeamId, ["ts"] = deletedTs },
        ["channel"] = channel,
        ["hidden"] = true,
        ["deleted_ts"] = deletedTs,
        ["event_ts"] = eventTs,
        ["ts"] = eventTs,
        ["channel_type"] = "channel",
    };

    /// <summary>A message with a shared file (bolt-python's test_message_file_share.py).</summary>
    public static JsonObject FileShare(string channel, string ts, string user, string text, string fileId, string name, string mimetype, long size, string urlPrivate)
    {
        var message = Message(channel, ts, user, text);
        message["subtype"] = "file_share";
        message["upload"] = false;
        message["display_as_bot"] = false;
        message["files"] = new JsonArray
        {
            new JsonObject
            {
                ["id"] = fileId, ["created"] = 1_652_227_642, ["timestamp"] = 1_652_227_642, ["name"] = name, ["title"] = name,
                ["mimetype"] = mimetype, ["filetype"] = mimetype.Split('/')[^1], ["pretty_type"] = mimetype.Split('/')[^1].ToUpperInvariant(),
                ["user"] = user, ["editable"] = false, ["size"] = size, ["mode"] = "hosted", ["is_external"] = false, ["external_type"] = "",
                ["is_public"] = true, ["public_url_shared"] = false, ["display_as_bot"] = false, ["username"] = "",
                ["url_private"] = urlPrivate, ["url_private_download"] = urlPrivate.Replace("/files-pri/", "/files-pri/", StringComparison.Ordinal),
                ["thumb_64"] = urlPrivate + "?thumb=64", ["original_w"] = 1, ["original_h"] = 1,
                ["permalink"] = "https://fake-workspace.slack.com/files/" + user + "/" + fileId + "/" + name,
            },
        };
        return message;
    }

    /// <summary>A reaction (bolt-python's test_events.py valid_reaction_added_body).</summary>
    public static JsonObject Reaction(bool added, string channel, string itemTs, string user, string reaction, string eventTs) => new()
    {
        ["type"] = added ? "reaction_added" : "reaction_removed",
        ["user"] = user,
        ["item"] = new JsonObject { ["type"] = "message", ["channel"] = channel, ["ts"] = itemTs },
        ["reaction"] = reaction,
        ["item_user"] = user,
        ["event_ts"] = eventTs,
    };

    /// <summary>A pin (java-slack-sdk's PinAddedPayload.json / PinRemovedPayload.json), carrying the pinned message.</summary>
    public static JsonObject Pin(bool added, string channel, string messageTs, string messageUser, string messageText, string pinner, string eventTs) => new()
    {
        ["type"] = added ? "pin_added" : "pin_removed",
        ["user"] = pinner,
        ["channel_id"] = channel,
        ["item"] = new JsonObject
        {
            ["type"] = "message",
            ["created"] = 1_764_000_000,
            ["created_by"] = pinner,
            ["channel"] = channel,
            ["message"] = new JsonObject
            {
                ["type"] = "message", ["text"] = messageText, ["user"] = messageUser, ["ts"] = messageTs, ["team"] = FakeSlack.TeamId,
                ["pinned_to"] = new JsonArray { channel }, ["permalink"] = "https://fake-workspace.slack.com/archives/" + channel + "/p1",
            },
        },
        ["item_user"] = messageUser,
        ["pin_count"] = added ? 1 : 0,
        ["pinned_info"] = new JsonObject { ["channel"] = channel, ["pinned_by"] = pinner, ["pinned_ts"] = 1_764_000_000 },
        ["event_ts"] = eventTs,
    };

    /// <summary>Someone joined (bolt-python's test_events.py join_event_body).</summary>
    public static JsonObject MemberJoined(string channel, string user, string? eventTs) => new()
    {
        ["type"] = "member_joined_channel", ["user"] = user, ["channel"] = channel, ["channel_type"] = "C", ["team"] = FakeSlack.TeamId,
        ["inviter"] = "U0INVITER", ["event_ts"] = eventTs,
    };

    /// <summary>The notice a join also produces (java-slack-sdk's MessageChannelJoinPayload.json).</summary>
    public static JsonObject ChannelJoin(string channel, string user, string ts) => new()
    {
        ["type"] = "message", ["subtype"] = "channel_join", ["team"] = FakeSlack.TeamId, ["user"] = user, ["inviter"] = "U0INVITER",
        ["channel"] = channel, ["channel_type"] = "channel", ["text"] = $"<@{user}> has joined the channel", ["ts"] = ts, ["event_ts"] = ts,
    };

    public static JsonObject TokensRevoked() => new()
    {
        ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray { "UXXXXXXXX" }, ["bot"] = new JsonArray { "UXXXXXXXX" } },
    };

    public static string UrlVerification(string challenge) => new JsonObject
    {
        ["token"] = "Jhj5dZrVaK7ZwHHjRyZWjbDl", ["challenge"] = challenge, ["type"] = "url_verification",
    }.ToJsonString();

    /// <summary>Slack's app_rate_limited notice: a top-level type, not an event_callback.</summary>
    public static string AppRateLimited(long minute) => new JsonObject
    {
        ["token"] = "Jhj5dZrVaK7ZwHHjRyZWjbDl", ["type"] = "app_rate_limited", ["team_id"] = FakeSlack.TeamId, ["minute_rate_limited"] = minute, ["api_app_id"] = AppId,
    }.ToJsonString();

    /// <summary>A slash command body (bolt-python's test_slash_command.py), form-encoded.</summary>
    public static string Command(string text, string user, string channel, string userName = "someone", string triggerId = "13345224609.738474920.8088930838d88f008e0")
    {
        var fields = new Dictionary<string, string>
        {
            ["token"] = "verification_token", ["team_id"] = FakeSlack.TeamId, ["team_domain"] = "fake-workspace", ["channel_id"] = channel,
            ["channel_name"] = "inc", ["user_id"] = user, ["user_name"] = userName, ["command"] = "/inc", ["text"] = text,
            ["api_app_id"] = AppId, ["is_enterprise_install"] = "false",
            ["response_url"] = "https://hooks.slack.com/commands/T0FAKE/111/xxxxx", ["trigger_id"] = triggerId,
        };
        return string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
    }

    /// <summary>A declare-form submission (bolt-python's test_view_submission.py), as the form field Slack posts.</summary>
    public static string DeclareSubmission(string viewId, string user, string? name, string? severityId, string? summary = null, string? impact = null, bool isPrivate = false, IReadOnlyList<string>? serviceIds = null)
    {
        JsonObject Text(string? value) => new() { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId, ["domain"] = "fake-workspace" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "someone", ["name"] = "someone", ["team_id"] = FakeSlack.TeamId },
            ["api_app_id"] = AppId,
            ["token"] = "verification_token",
            ["trigger_id"] = "111.222.valid",
            ["view"] = new JsonObject
            {
                ["id"] = viewId,
                ["team_id"] = FakeSlack.TeamId,
                ["type"] = "modal",
                ["callback_id"] = "incidenthub_declare",
                ["private_metadata"] = "",
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["name"] = Text(name),
                        ["severity"] = new JsonObject
                        {
                            ["value"] = new JsonObject
                            {
                                ["type"] = "static_select",
                                ["selected_option"] = severityId is null ? null : new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "x" }, ["value"] = severityId },
                            },
                        },
                        ["summary"] = Text(summary),
                        ["impact"] = Text(impact),
                        ["services"] = new JsonObject
                        {
                            ["value"] = new JsonObject
                            {
                                ["type"] = "multi_static_select",
                                ["selected_options"] = new JsonArray([.. (serviceIds ?? []).Select(id => (JsonNode)new JsonObject
                                {
                                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "x" },
                                    ["value"] = id,
                                })]),
                            },
                        },
                        ["private"] = new JsonObject
                        {
                            ["value"] = new JsonObject
                            {
                                ["type"] = "checkboxes",
                                ["selected_options"] = isPrivate
                                    ? new JsonArray { new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Private incident" }, ["value"] = "private" } }
                                    : new JsonArray(),
                            },
                        },
                    },
                },
                ["hash"] = "1596530361.3wRYuk3R",
                ["root_view_id"] = viewId,
                ["app_id"] = AppId,
                ["bot_id"] = FakeSlack.BotId,
            },
            ["response_urls"] = new JsonArray(),
        };
        return "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    }

    private static JsonArray RichText(string text) => new()
    {
        new JsonObject
        {
            ["type"] = "rich_text",
            ["block_id"] = "b" + text.Length.ToString(CultureInfo.InvariantCulture),
            ["elements"] = new JsonArray
            {
                new JsonObject { ["type"] = "rich_text_section", ["elements"] = new JsonArray { new JsonObject { ["type"] = "text", ["text"] = text } } },
            },
        },
    };
}
