using IncidentHub.Core.Chat;
using IncidentHub.Core.Chat.Outbox;

namespace IncidentHub.Web.Slack.Outbox;

/// <summary>
/// Makes one claimed outbox call in Slack and says what became of it; <see cref="ChatOutboxPump"/> claims, records
/// and keeps time. Before any call about an incident: its channel must exist and not be archived, and the privacy gate
/// (<see cref="ChatOutboxPolicy.PrivacyGate"/>) must let it through; a post checks the gate again just before it is made.
/// </summary>
public sealed class SlackOutboxHandler(
    SlackOutboxCalls slack,
    SlackChannelCalls channelCalls,
    SlackAnnouncements announcements,
    SlackPoster poster,
    ChatChannelService channels,
    IncidentHub.Core.Similar.SimilarIncidentQueries similar) : IChatOutboxHandler
{
    public TimeSpan Lease => slack.Settings.Lease;

    public ChatRetrySettings Retry => slack.Settings.Retry;

    public async Task<ChatOutboxDecision> HandleAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Kind == ChatOperationKind.DirectMessage)
        {
            return await DirectMessageAsync(work, cancellationToken);
        }

        if (work.IncidentId is null)
        {
            return work.Kind == ChatOperationKind.Post
                ? await PostToAnnouncementsAsync(work, cancellationToken)
                : ChatOutboxDecision.Fail("unknown operation");
        }

        var link = await channels.GetAsync(work.IncidentId.Value, cancellationToken);
        if (link is null)
        {
            return ChatOutboxDecision.Skip("the incident has no channel");
        }

        var isPrivacyNotice = work.Kind == ChatOperationKind.Post && ChatOperations.Deserialize<PostOperation>(work.Payload).IsPrivacyNotice;
        if (ChatOutboxPolicy.PrivacyGate(work.Kind, new ChatTarget(link.IncidentIsPrivate, link.IsPrivate, isPrivacyNotice)) is { } refused)
        {
            return refused;
        }

        Task<ChatOutboxDecision?> Gate(CancellationToken ct) => GateAsync(work, isPrivacyNotice, ct);
        switch (work.Kind)
        {
            case ChatOperationKind.CreateChannel:
                return await channelCalls.CreateAsync(work, link, cancellationToken);
            case ChatOperationKind.Announce:
                return await announcements.AnnounceAsync(work, poster, Gate, cancellationToken);
            case ChatOperationKind.UpdateAnnouncement:
                return await announcements.UpdateAsync(work, cancellationToken);
        }

        if (ChatOutboxPolicy.ArchivedChannel(work.Kind, link.ArchivedAt is not null) is { } archived)
        {
            return archived;
        }

        if (link.ChannelId is not { } channel)
        {
            return ChatOutboxPolicy.WaitForChannel(slack.Now, Retry);
        }

        return work.Kind switch
        {
            ChatOperationKind.SetTopic => await channelCalls.SetTopicAsync(work, channel, cancellationToken),
            ChatOperationKind.Invite => await channelCalls.InviteAsync(work, channel, cancellationToken),
            ChatOperationKind.Archive => await channelCalls.ArchiveAsync(work, channel, cancellationToken),
            ChatOperationKind.Post => await PostAsync(work, channel, Gate, cancellationToken),
            _ => ChatOutboxDecision.Fail("unknown operation"),
        };
    }

    /// <summary>The privacy gate on the incident as it is now, read again just before a post.</summary>
    private async Task<ChatOutboxDecision?> GateAsync(ChatOutboxWork work, bool isPrivacyNotice, CancellationToken cancellationToken)
    {
        var link = await channels.GetAsync(work.IncidentId!.Value, cancellationToken);
        return link is null
            ? ChatOutboxDecision.Skip("the incident has no channel")
            : ChatOutboxPolicy.PrivacyGate(work.Kind, new ChatTarget(link.IncidentIsPrivate, link.IsPrivate, isPrivacyNotice));
    }

    private async Task<ChatOutboxDecision> PostAsync(ChatOutboxWork work, string channel, Func<CancellationToken, Task<ChatOutboxDecision?>> gate, CancellationToken cancellationToken)
    {
        var operation = ChatOperations.Deserialize<PostOperation>(work.Payload);
        if (operation.Links is { Count: > 0 } links)
        {
            // The incidents it names were standard when it was queued; one made private since is left out.
            var standard = await similar.StillStandardAsync([.. links.Select(l => l.Number)], cancellationToken);
            if (links.Where(l => standard.Contains(l.Number)).ToList() is not { Count: > 0 } kept)
            {
                return ChatOutboxDecision.Skip("every incident it named is private now");
            }

            operation = operation with { Links = kept };
        }

        var (mentions, retry) = await slack.SlackIdsAsync(operation.Mentions ?? [], cancellationToken);
        return retry ?? await poster.SendOnceAsync(work, channel, [("text", SlackMessages.Post(operation, mentions, slack.Settings.PublicUrl))], gate, cancellationToken);
    }

    /// <summary>
    /// A direct message to one person: their Slack user (matched by email), the app's DM with them
    /// (<c>conversations.open</c>, scope <c>im:write</c>), then one post there. Someone not linked to a Slack user is
    /// skipped, said in the outbox.
    /// </summary>
    private async Task<ChatOutboxDecision> DirectMessageAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        var message = ChatOperations.Deserialize<DirectMessageOperation>(work.Payload);
        var (ids, retry) = await slack.SlackIdsAsync([message.UserId], cancellationToken);
        if (retry is not null)
        {
            return retry;
        }

        if (ids is not [var slackUser])
        {
            return ChatOutboxDecision.Skip("the person is not linked to a Slack user");
        }

        if (slack.RateLimitWait("conversations.open") is { } wait)
        {
            return wait;
        }

        var open = await slack.Api.CallAsync("conversations.open", cancellationToken, ("users", slackUser));
        if (!open.Ok || !open.Body.TryGetProperty("channel", out var channel) || !channel.TryGetProperty("id", out var id) || id.GetString() is not { Length: > 0 } dm)
        {
            return open.Ok ? ChatOutboxDecision.Fail("Slack opened no direct message channel") : slack.Decide("conversations.open", open, idempotent: true);
        }

        return await poster.SendOnceAsync(work, dm, [("text", SlackMessages.DirectMessage(message, slack.Settings.PublicUrl))],
            _ => Task.FromResult<ChatOutboxDecision?>(null), cancellationToken);
    }

    /// <summary>A workspace-lane post (the admin's test message): to the announcements channel, skipped without one like every announcement.</summary>
    private async Task<ChatOutboxDecision> PostToAnnouncementsAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        if (await announcements.ChannelAsync(cancellationToken) is not { } channel)
        {
            return ChatOutboxDecision.Skip(ChatOutboxPolicy.NoAnnouncementsChannel);
        }

        var operation = ChatOperations.Deserialize<PostOperation>(work.Payload);
        return await poster.SendOnceAsync(work, channel, [("text", SlackMessages.Post(operation, []))], _ => Task.FromResult<ChatOutboxDecision?>(null), cancellationToken);
    }
}
