using IncidentHub.Core.Chat;
using IncidentHub.Core.Chat.Outbox;

namespace IncidentHub.Web.Slack.Outbox;

/// <summary>
/// The announcements channel: where it is (an id, or a #name looked up once), the announcement of an incident and
/// its updates (only the latest of several pending goes out). Without an announcements channel, every call meant for
/// it is skipped the same way, saying why.
/// </summary>
public sealed class SlackAnnouncements(SlackOutboxCalls slack, SlackChannelCalls channelCalls, ChatChannelService channels, ChatOutboxService outbox)
{
    private string? _channelId;

    /// <summary>The announcements channel's id, or null when none is configured.</summary>
    public async Task<string?> ChannelAsync(CancellationToken cancellationToken)
    {
        var configured = slack.Settings.AnnouncementsChannel?.Trim();
        if (string.IsNullOrEmpty(configured))
        {
            return null;
        }

        if (!configured.StartsWith('#'))
        {
            return configured;
        }

        if (_channelId is not null)
        {
            return _channelId;
        }

        var found = await channelCalls.FindAsync(configured[1..], isPrivate: false, cancellationToken);
        _channelId = found.Ok ? found.Str("id") : null;
        return _channelId ?? configured;
    }

    public async Task<ChatOutboxDecision> AnnounceAsync(
        ChatOutboxWork work,
        SlackPoster poster,
        Func<CancellationToken, Task<ChatOutboxDecision?>> gate,
        CancellationToken cancellationToken)
    {
        var card = await channels.GetCardAsync(work.IncidentId!.Value, cancellationToken);
        if (card is null)
        {
            return ChatOutboxDecision.Skip("the incident no longer exists");
        }

        if (await ChannelAsync(cancellationToken) is not { } target)
        {
            return ChatOutboxDecision.Skip(ChatOutboxPolicy.NoAnnouncementsChannel);
        }

        var link = await channels.GetAsync(card.Id, cancellationToken);
        var (text, blocks) = SlackMessages.Announcement(card, link?.ChannelId, slack.Settings.PublicUrl);
        var decision = await poster.SendOnceAsync(work, target, [("text", text), ("blocks", blocks)], gate, cancellationToken);
        if (decision.Action == ChatOutboxAction.Complete && decision.ResultId is { } ts)
        {
            await channels.RecordAnnouncementAsync(card.Id, target, ts, cancellationToken);
        }

        return decision;
    }

    public async Task<ChatOutboxDecision> UpdateAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        if (ChatOutboxPolicy.MergeAnnouncementUpdates(await outbox.HasLaterPendingAsync(work, cancellationToken)) is { } merged)
        {
            return merged;
        }

        var link = await channels.GetAsync(work.IncidentId!.Value, cancellationToken);
        var card = await channels.GetCardAsync(work.IncidentId.Value, cancellationToken);
        if (link?.AnnouncementMessageId is null || link.AnnouncementChannelId is null || card is null)
        {
            return ChatOutboxDecision.Skip("the incident was not announced");
        }

        if (slack.RateLimitWait("chat.update") is { } wait)
        {
            return wait;
        }

        var (text, blocks) = SlackMessages.Announcement(card, link.ChannelId, slack.Settings.PublicUrl);
        var call = await slack.Api.CallAsync("chat.update", cancellationToken,
            ("channel", link.AnnouncementChannelId), ("ts", link.AnnouncementMessageId), ("text", text), ("blocks", blocks));
        return slack.Decide("chat.update", call, idempotent: true);
    }
}
