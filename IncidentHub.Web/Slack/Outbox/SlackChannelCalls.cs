using System.Text.Json;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Chat.Outbox;

namespace IncidentHub.Web.Slack.Outbox;

/// <summary>The incident channel's calls: create it once (adopting our own earlier try), set its topic, invite, archive.</summary>
public sealed partial class SlackChannelCalls(SlackOutboxCalls slack, ChatChannelService channels, ILogger<SlackChannelCalls> logger)
{
    public async Task<ChatOutboxDecision> CreateAsync(ChatOutboxWork work, ChatChannelView link, CancellationToken cancellationToken)
    {
        if (link.ChannelId is not null)
        {
            return ChatOutboxDecision.Complete(link.ChannelId);
        }

        if (slack.RateLimitWait("conversations.create") is { } wait)
        {
            return wait;
        }

        var operation = ChatOperations.Deserialize<CreateChannelOperation>(work.Payload);
        foreach (var suffix in new[] { null, "-2", "-3", "-4", "-5" })
        {
            var name = SlackText.ChannelName(operation.Number, operation.IncidentName, suffix, operation.Prefix);
            var call = await slack.Api.CallAsync("conversations.create", cancellationToken, ("name", name), ("is_private", operation.IsPrivate ? "true" : "false"));
            string? channelId = null;
            if (call.Ok && call.Body.TryGetProperty("channel", out var created))
            {
                channelId = SlackEventMapper.Str(created, "id");
            }
            else if (call.Status == SlackCallStatus.Refused && call.Error == "name_taken")
            {
                // Most often our own earlier try, whose answer was lost: adopt it if the bot is in it.
                var found = await FindAsync(name, operation.IsPrivate, cancellationToken);
                if (found.Status != SlackCallStatus.Ok)
                {
                    return slack.Decide("conversations.list", found, idempotent: true);
                }

                channelId = found.Str("id");
                if (channelId is null)
                {
                    continue;
                }

                LogAdopted(logger, link.IncidentId);
            }
            else
            {
                return slack.Decide("conversations.create", call, idempotent: true);
            }

            if (channelId is null)
            {
                return ChatOutboxDecision.Fail("Slack made no channel id");
            }

            if (!await channels.RecordCreatedAsync(link.IncidentId, channelId, name, cancellationToken))
            {
                // Another try won (a race inside Slack made two channels): keep one, archive ours.
                await slack.Api.CallAsync("conversations.archive", cancellationToken, ("channel", channelId));
            }

            return ChatOutboxDecision.Complete(channelId);
        }

        return ChatOutboxDecision.Fail("name_taken: every name for this incident is taken by a channel IncidentHub cannot use");
    }

    /// <summary>Finds a channel by name among those the bot can see; Ok with an empty body when there is none it is in.</summary>
    public async Task<SlackCall> FindAsync(string name, bool isPrivate, CancellationToken cancellationToken)
    {
        string? cursor = null;
        for (var page = 0; page < 20; page++)
        {
            var call = await slack.Api.CallAsync("conversations.list", cancellationToken,
                ("types", isPrivate ? "private_channel" : "public_channel"), ("exclude_archived", "true"), ("limit", "1000"), ("cursor", cursor));
            if (!call.Ok)
            {
                return call;
            }

            if (call.Body.TryGetProperty("channels", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var channel in list.EnumerateArray())
                {
                    if (SlackEventMapper.Str(channel, "name") == name)
                    {
                        var member = !channel.TryGetProperty("is_member", out var isMember) || isMember.ValueKind == JsonValueKind.True;
                        return member ? call with { Body = channel } : call with { Body = default };
                    }
                }
            }

            cursor = call.Body.TryGetProperty("response_metadata", out var meta) ? SlackEventMapper.Str(meta, "next_cursor") : null;
            if (string.IsNullOrEmpty(cursor))
            {
                break;
            }
        }

        return new SlackCall(SlackCallStatus.Ok, default, null, null, null);
    }

    public async Task<ChatOutboxDecision> SetTopicAsync(ChatOutboxWork work, string channel, CancellationToken cancellationToken)
    {
        var operation = ChatOperations.Deserialize<SetTopicOperation>(work.Payload);
        var call = await slack.Api.CallAsync("conversations.setTopic", cancellationToken, ("channel", channel), ("topic", SlackMessages.Topic(operation.Topic)));
        return slack.Decide("conversations.setTopic", call, idempotent: true);
    }

    public async Task<ChatOutboxDecision> InviteAsync(ChatOutboxWork work, string channel, CancellationToken cancellationToken)
    {
        var operation = ChatOperations.Deserialize<InviteOperation>(work.Payload);
        var bot = await slack.Users.BotAsync(cancellationToken);
        var (slackIds, retry) = await slack.SlackIdsAsync(operation.UserIds, cancellationToken);
        if (retry is not null)
        {
            return retry;
        }

        slackIds.RemoveAll(id => id == bot?.UserId);
        if (slackIds.Count == 0)
        {
            return ChatOutboxDecision.Skip("nobody with a Slack account to invite");
        }

        var call = await slack.Api.CallAsync("conversations.invite", cancellationToken, ("channel", channel), ("users", string.Join(',', slackIds.Take(100))), ("force", "true"));
        return call.Status == SlackCallStatus.Refused && call.Error is "already_in_channel" or "cant_invite_self"
            ? ChatOutboxDecision.Complete()
            : slack.Decide("conversations.invite", call, idempotent: true);
    }

    public async Task<ChatOutboxDecision> ArchiveAsync(ChatOutboxWork work, string channel, CancellationToken cancellationToken)
    {
        var call = await slack.Api.CallAsync("conversations.archive", cancellationToken, ("channel", channel));
        if (call.Ok || call.Error == "already_archived")
        {
            await channels.RecordArchivedAsync(work.IncidentId!.Value, cancellationToken);
            return ChatOutboxDecision.Complete();
        }

        return slack.Decide("conversations.archive", call, idempotent: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId}: adopted the channel an earlier try made")]
    private static partial void LogAdopted(ILogger logger, int incidentId);
}
