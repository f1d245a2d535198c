using System.Text.Json;
using IncidentHub.Core.Chat;
using IncidentHub.Core.Chat.Outbox;

namespace IncidentHub.Web.Slack.Outbox;

/// <summary>
/// Posts with <c>chat.postMessage</c> at most once: after a try whose outcome is unknown (a timeout, a crash after
/// Slack accepted) it first looks for the post in the channel's history by the outbox id attached to it as metadata.
/// The privacy gate runs again just before the post is marked in flight: it is the last check before anything is said.
/// </summary>
public sealed partial class SlackPoster(SlackOutboxCalls slack, ChatOutboxService outbox, ILogger<SlackPoster> logger)
{
    public async Task<ChatOutboxDecision> SendOnceAsync(
        ChatOutboxWork work,
        string channel,
        (string, string?)[] content,
        Func<CancellationToken, Task<ChatOutboxDecision?>> gate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(gate);
        if (work.PreviousTryUnknown)
        {
            var (known, found) = await FindPostedAsync(work, channel, cancellationToken);
            if (!known)
            {
                return ChatOutboxPolicy.HistoryUnreadable(slack.Now, slack.Settings.Retry);
            }

            if (found is not null)
            {
                LogFoundEarlierTry(logger, work.Id);
                return ChatOutboxDecision.Complete(found);
            }
        }

        if (slack.RateLimitWait("chat.postMessage") is { } wait)
        {
            return wait;
        }

        if (!slack.Pacer.TryReservePost(channel, slack.Settings.PostInterval, out var pace))
        {
            return ChatOutboxDecision.Retry(slack.Now + pace, "keeping to one post a second");
        }

        if (await gate(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!await outbox.MarkInFlightAsync(work, cancellationToken))
        {
            return ChatOutboxDecision.LeaseLost;
        }

        var call = await slack.Api.CallAsync("chat.postMessage", cancellationToken,
            [("channel", channel), .. content, ("metadata", SlackMessages.Metadata(work.Id)), ("unfurl_links", "false"), ("unfurl_media", "false")]);
        return slack.Decide("chat.postMessage", call, idempotent: false, resultId: call.Ok ? call.Str("ts") ?? "" : null);
    }

    /// <summary>Looks for the post with this outbox id in the channel's recent history.</summary>
    /// <returns>Known: the history could be read; Ts: the post's ts when it is there.</returns>
    private async Task<(bool Known, string? Ts)> FindPostedAsync(ChatOutboxWork work, string channel, CancellationToken cancellationToken)
    {
        var oldest = SlackText.FormatTs(work.CreatedAt - TimeSpan.FromMinutes(1));
        var id = work.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string? cursor = null;
        for (var page = 0; page < 10; page++)
        {
            var call = await slack.Api.CallAsync("conversations.history", cancellationToken,
                ("channel", channel), ("oldest", oldest), ("limit", "200"), ("include_all_metadata", "true"), ("cursor", cursor));
            if (!call.Ok)
            {
                return (false, null);
            }

            if (call.Body.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
            {
                foreach (var message in messages.EnumerateArray())
                {
                    if (message.TryGetProperty("metadata", out var metadata)
                        && SlackEventMapper.Str(metadata, "event_type") == SlackMessages.MetadataType
                        && metadata.TryGetProperty("event_payload", out var payload)
                        && SlackEventMapper.Str(payload, "outbox_id") == id)
                    {
                        return (true, SlackEventMapper.Str(message, "ts"));
                    }
                }
            }

            cursor = call.Body.TryGetProperty("response_metadata", out var meta) ? SlackEventMapper.Str(meta, "next_cursor") : null;
            if (string.IsNullOrEmpty(cursor))
            {
                break;
            }
        }

        return (true, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox call {Id}: the earlier try had been posted; not posting again")]
    private static partial void LogFoundEarlierTry(ILogger logger, long id);
}
