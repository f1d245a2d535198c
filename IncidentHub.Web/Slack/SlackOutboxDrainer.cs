using System.Text.Json;
using IncidentHub.Core.Chat;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Slack;

/// <summary>
/// Makes the calls waiting in the outbox, lane by lane (one incident's calls in order), several lanes at a time. Each
/// call is claimed with a lease, marked in flight just before it is made, and recorded as sent, failed, skipped or
/// to retry. Rate limits are honoured (Retry-After, capped; about one post a second per channel); when Slack is
/// unreachable every lane waits and resumes in order. A post whose earlier try had an unknown outcome (a timeout, a
/// crash) is first looked for in the channel's history by the outbox id IncidentHub attached to it, and only sent if
/// it is not there: a post is not sent twice.
/// </summary>
public sealed partial class SlackOutboxDrainer(
    ChatOutboxService outbox,
    ChatChannelService channels,
    SlackApiClient api,
    SlackUsers users,
    SlackPacer pacer,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackOutboxDrainer> logger)
{
    private const int Lanes = 4;

    /// <summary>A lane whose head waits this long or less keeps the drain running; longer, and the sweep comes back.</summary>
    private static readonly TimeSpan WaitInRun = TimeSpan.FromSeconds(3);

    /// <summary>Refusals that may pass on their own.</summary>
    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org",
    };

    private readonly SemaphoreSlim _running = new(1, 1);
    private string? _announcementsChannelId;

    private SlackOptions Settings => options.Value;

    /// <summary>Drains for up to <paramref name="budget"/>.</summary>
    /// <returns>True when calls are left that are due soon (the caller should come back).</returns>
    public async Task<bool> DrainAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        if (!await _running.WaitAsync(0, cancellationToken))
        {
            return false;
        }

        try
        {
            var until = time.GetUtcNow() + budget;
            while (time.GetUtcNow() < until)
            {
                var claimed = await outbox.ClaimAsync(SlackOptions.Provider, Lanes, Settings.Lease, cancellationToken);
                if (claimed.Count > 0)
                {
                    await Task.WhenAll(claimed.Select(work => RunAsync(work, cancellationToken)));
                    continue;
                }

                var next = await outbox.NextDueAsync(SlackOptions.Provider, cancellationToken);
                var wait = next - time.GetUtcNow();
                if (next is null || wait > WaitInRun)
                {
                    return false;
                }

                await Task.Delay(wait > TimeSpan.FromMilliseconds(20) ? wait.Value : TimeSpan.FromMilliseconds(20), time, cancellationToken);
            }

            return true;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task RunAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        try
        {
            switch (work.Kind)
            {
                case ChatOperationKind.CreateChannel:
                    await CreateChannelAsync(work, cancellationToken);
                    break;
                case ChatOperationKind.SetTopic:
                    await SetTopicAsync(work, cancellationToken);
                    break;
                case ChatOperationKind.Invite:
                    await InviteAsync(work, cancellationToken);
                    break;
                case ChatOperationKind.Announce:
                    await AnnounceAsync(work, cancellationToken);
                    break;
                case ChatOperationKind.UpdateAnnouncement:
                    await UpdateAnnouncementAsync(work, cancellationToken);
                    break;
                case ChatOperationKind.Post:
                    await PostAsync(work, cancellationToken);
                    break;
                case ChatOperationKind.Archive:
                    await ArchiveAsync(work, cancellationToken);
                    break;
                default:
                    await outbox.FailAsync(work, "unknown operation", cancellationToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCallCrashed(logger, ex, work.Id, work.Kind);
            await outbox.RetryLaterAsync(work, time.GetUtcNow() + TimeSpan.FromMinutes(1), ex.GetType().Name, countsAsAttempt: true, cancellationToken: cancellationToken);
        }
    }

    private async Task CreateChannelAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        var link = await channels.GetAsync(work.IncidentId!.Value, cancellationToken);
        if (link is null)
        {
            await outbox.SkipAsync(work, "the incident has no channel record", cancellationToken);
            return;
        }

        if (link.ChannelId is not null)
        {
            await outbox.CompleteAsync(work, link.ChannelId, cancellationToken);
            return;
        }

        if (await WaitForRateLimitAsync(work, "conversations.create", cancellationToken))
        {
            return;
        }

        var operation = ChatOperations.Deserialize<CreateChannelOperation>(work.Payload);
        foreach (var suffix in new[] { null, "-2", "-3", "-4", "-5" })
        {
            var name = SlackText.ChannelName(operation.Number, operation.IncidentName, suffix);
            var call = await api.CallAsync("conversations.create", cancellationToken, ("name", name), ("is_private", operation.IsPrivate ? "true" : "false"));
            string? channelId = null;
            if (call.Ok && call.Body.TryGetProperty("channel", out var created))
            {
                channelId = SlackEventMapper.Str(created, "id");
            }
            else if (call.Status == SlackCallStatus.Refused && call.Error == "name_taken")
            {
                // Most often our own earlier try, whose answer was lost: adopt it if the bot is in it.
                var found = await FindChannelAsync(name, operation.IsPrivate, cancellationToken);
                if (found.Status != SlackCallStatus.Ok)
                {
                    await HandleAsync(work, "conversations.list", found, idempotent: true, cancellationToken);
                    return;
                }

                channelId = found.Str("id");
                if (channelId is null)
                {
                    continue;
                }

                LogAdopted(logger, work.IncidentId.Value);
            }
            else
            {
                await HandleAsync(work, "conversations.create", call, idempotent: true, cancellationToken);
                return;
            }

            if (channelId is null)
            {
                await outbox.FailAsync(work, "Slack made no channel id", cancellationToken);
                return;
            }

            if (!await channels.RecordCreatedAsync(work.IncidentId.Value, channelId, name, cancellationToken))
            {
                // Another try won (a race inside Slack made two channels): keep one, archive ours.
                await api.CallAsync("conversations.archive", cancellationToken, ("channel", channelId));
            }

            await outbox.CompleteAsync(work, channelId, cancellationToken);
            return;
        }

        await outbox.FailAsync(work, "name_taken: every name for this incident is taken by a channel IncidentHub cannot use", cancellationToken);
    }

    /// <summary>Finds a channel by name among those the bot can see; Ok with an empty body when there is none it is in.</summary>
    private async Task<SlackCall> FindChannelAsync(string name, bool isPrivate, CancellationToken cancellationToken)
    {
        string? cursor = null;
        for (var page = 0; page < 20; page++)
        {
            var call = await api.CallAsync("conversations.list", cancellationToken,
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

    private async Task SetTopicAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        if (await ChannelOfAsync(work, cancellationToken) is not { } channel)
        {
            return;
        }

        var operation = ChatOperations.Deserialize<SetTopicOperation>(work.Payload);
        var call = await api.CallAsync("conversations.setTopic", cancellationToken, ("channel", channel), ("topic", SlackMessages.Topic(operation.Topic)));
        await FinishAsync(work, "conversations.setTopic", call, idempotent: true, cancellationToken);
    }

    private async Task InviteAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        if (await ChannelOfAsync(work, cancellationToken) is not { } channel)
        {
            return;
        }

        var operation = ChatOperations.Deserialize<InviteOperation>(work.Payload);
        var bot = await users.BotAsync(cancellationToken);
        var slackIds = await SlackIdsAsync(work, operation.UserIds, cancellationToken);
        if (slackIds is null)
        {
            return;
        }

        slackIds.RemoveAll(id => id == bot?.UserId);

        if (slackIds.Count == 0)
        {
            await outbox.SkipAsync(work, "nobody with a Slack account to invite", cancellationToken);
            return;
        }

        var call = await api.CallAsync("conversations.invite", cancellationToken, ("channel", channel), ("users", string.Join(',', slackIds.Take(100))), ("force", "true"));
        if (call.Status == SlackCallStatus.Refused && call.Error is "already_in_channel" or "cant_invite_self")
        {
            await outbox.CompleteAsync(work, null, cancellationToken);
            return;
        }

        await FinishAsync(work, "conversations.invite", call, idempotent: true, cancellationToken);
    }

    private async Task AnnounceAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        var card = await channels.GetCardAsync(work.IncidentId!.Value, cancellationToken);
        if (card is null || card.IsPrivate)
        {
            await outbox.SkipAsync(work, "private incidents are not announced", cancellationToken);
            return;
        }

        var target = await AnnouncementsChannelAsync(cancellationToken);
        if (target is null)
        {
            await outbox.SkipAsync(work, "no announcements channel is configured", cancellationToken);
            return;
        }

        var link = await channels.GetAsync(card.Id, cancellationToken);
        var (text, blocks) = SlackMessages.Announcement(card, link?.ChannelId, Settings.PublicUrl);
        var ts = await SendOnceAsync(work, target, [("text", text), ("blocks", blocks)], cancellationToken);
        if (ts is not null)
        {
            await channels.RecordAnnouncementAsync(card.Id, target, ts, cancellationToken);
            await outbox.CompleteAsync(work, ts, cancellationToken);
        }
    }

    private async Task UpdateAnnouncementAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        if (await outbox.HasLaterPendingAsync(work, cancellationToken))
        {
            await outbox.SkipAsync(work, "a later update of the announcement replaces it", cancellationToken);
            return;
        }

        var link = await channels.GetAsync(work.IncidentId!.Value, cancellationToken);
        var card = await channels.GetCardAsync(work.IncidentId.Value, cancellationToken);
        if (link?.AnnouncementMessageId is null || link.AnnouncementChannelId is null || card is null)
        {
            await outbox.SkipAsync(work, "the incident was not announced", cancellationToken);
            return;
        }

        if (await WaitForRateLimitAsync(work, "chat.update", cancellationToken))
        {
            return;
        }

        var (text, blocks) = SlackMessages.Announcement(card, link.ChannelId, Settings.PublicUrl);
        var call = await api.CallAsync("chat.update", cancellationToken,
            ("channel", link.AnnouncementChannelId), ("ts", link.AnnouncementMessageId), ("text", text), ("blocks", blocks));
        await FinishAsync(work, "chat.update", call, idempotent: true, cancellationToken);
    }

    private async Task PostAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        string? channel;
        if (work.IncidentId is null)
        {
            channel = await AnnouncementsChannelAsync(cancellationToken);
            if (channel is null)
            {
                await outbox.FailAsync(work, "no announcements channel is configured (Slack:AnnouncementsChannel)", cancellationToken);
                return;
            }
        }
        else if ((channel = await ChannelOfAsync(work, cancellationToken)) is null)
        {
            return;
        }

        var operation = ChatOperations.Deserialize<PostOperation>(work.Payload);
        var mentions = await SlackIdsAsync(work, operation.Mentions ?? [], cancellationToken);
        if (mentions is null)
        {
            return;
        }

        var ts = await SendOnceAsync(work, channel, [("text", SlackMessages.Post(operation, mentions))], cancellationToken);
        if (ts is not null)
        {
            await outbox.CompleteAsync(work, ts, cancellationToken);
        }
    }

    private async Task ArchiveAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        if (await ChannelOfAsync(work, cancellationToken) is not { } channel)
        {
            return;
        }

        var call = await api.CallAsync("conversations.archive", cancellationToken, ("channel", channel));
        if (call.Ok || call.Error == "already_archived")
        {
            await channels.RecordArchivedAsync(work.IncidentId!.Value, cancellationToken);
            await outbox.CompleteAsync(work, null, cancellationToken);
            return;
        }

        await HandleAsync(work, "conversations.archive", call, idempotent: true, cancellationToken);
    }

    /// <summary>
    /// Posts with <c>chat.postMessage</c> at most once: after a try whose outcome is unknown it looks for the post in
    /// the channel first; it keeps to the channel's pace. Returns the message's ts once posted (or found), null when the
    /// call was put back or failed (already recorded).
    /// </summary>
    private async Task<string?> SendOnceAsync(ChatOutboxWork work, string channel, (string, string?)[] content, CancellationToken cancellationToken)
    {
        if (work.PreviousTryUnknown)
        {
            var (known, found) = await FindPostedAsync(work, channel, cancellationToken);
            if (!known)
            {
                await outbox.RetryLaterAsync(work, time.GetUtcNow() + Settings.OutageRetry, "checking whether an earlier try was posted",
                    countsAsAttempt: false, outcomeKnown: false, cancellationToken);
                return null;
            }

            if (found is not null)
            {
                LogFoundEarlierTry(logger, work.Id);
                return found;
            }
        }

        if (await WaitForRateLimitAsync(work, "chat.postMessage", cancellationToken))
        {
            return null;
        }

        if (!pacer.TryReservePost(channel, Settings.PostInterval, out var wait))
        {
            await outbox.RetryLaterAsync(work, time.GetUtcNow() + wait, "keeping to one post a second", countsAsAttempt: false, cancellationToken: cancellationToken);
            return null;
        }

        if (!await outbox.MarkInFlightAsync(work, cancellationToken))
        {
            return null;
        }

        var call = await api.CallAsync("chat.postMessage", cancellationToken,
            [("channel", channel), .. content, ("metadata", SlackMessages.Metadata(work.Id)), ("unfurl_links", "false"), ("unfurl_media", "false")]);
        if (call.Ok)
        {
            return call.Str("ts") ?? "";
        }

        await HandleAsync(work, "chat.postMessage", call, idempotent: false, cancellationToken);
        return null;
    }

    /// <summary>The Slack ids of these people (those Slack knows), or null after putting the call back when Slack could not be asked.</summary>
    private async Task<List<string>?> SlackIdsAsync(ChatOutboxWork work, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var userId in userIds.Distinct())
        {
            var person = await users.SlackIdForAsync(userId, cancellationToken);
            if (!person.Answered)
            {
                await outbox.RetryLaterAsync(work, time.GetUtcNow() + Settings.OutageRetry, "Slack could not say who people are", countsAsAttempt: false,
                    cancellationToken: cancellationToken);
                return null;
            }

            if (person.Id is not null)
            {
                ids.Add(person.Id);
            }
        }

        return ids;
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
            var call = await api.CallAsync("conversations.history", cancellationToken,
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

    /// <summary>The incident's channel, or null after putting the call back (no channel yet) or skipping it.</summary>
    private async Task<string?> ChannelOfAsync(ChatOutboxWork work, CancellationToken cancellationToken)
    {
        var link = work.IncidentId is { } id ? await channels.GetAsync(id, cancellationToken) : null;
        if (link is null)
        {
            await outbox.SkipAsync(work, "the incident has no channel", cancellationToken);
            return null;
        }

        if (link.ArchivedAt is not null && work.Kind != ChatOperationKind.Archive)
        {
            await outbox.SkipAsync(work, "the channel is archived", cancellationToken);
            return null;
        }

        if (link.ChannelId is null)
        {
            // Its creation failed (an admin can retry it): wait without using up attempts.
            await outbox.RetryLaterAsync(work, time.GetUtcNow() + TimeSpan.FromSeconds(30), "waiting for the incident's channel", countsAsAttempt: false,
                cancellationToken: cancellationToken);
            return null;
        }

        return link.ChannelId;
    }

    private async Task<string?> AnnouncementsChannelAsync(CancellationToken cancellationToken)
    {
        var configured = Settings.AnnouncementsChannel?.Trim();
        if (string.IsNullOrEmpty(configured))
        {
            return null;
        }

        if (!configured.StartsWith('#'))
        {
            return configured;
        }

        if (_announcementsChannelId is not null)
        {
            return _announcementsChannelId;
        }

        var found = await FindChannelAsync(configured[1..], isPrivate: false, cancellationToken);
        _announcementsChannelId = found.Ok ? found.Str("id") : null;
        return _announcementsChannelId ?? configured;
    }

    /// <returns>True when the call was put back until Slack's rate limit for <paramref name="method"/> has passed.</returns>
    private async Task<bool> WaitForRateLimitAsync(ChatOutboxWork work, string method, CancellationToken cancellationToken)
    {
        if (pacer.PausedUntil(method) is not { } until)
        {
            return false;
        }

        await outbox.RetryLaterAsync(work, until, $"waiting for Slack's rate limit on {method}", countsAsAttempt: false, cancellationToken: cancellationToken);
        return true;
    }

    private async Task FinishAsync(ChatOutboxWork work, string method, SlackCall call, bool idempotent, CancellationToken cancellationToken)
    {
        if (call.Ok)
        {
            await outbox.CompleteAsync(work, null, cancellationToken);
            return;
        }

        await HandleAsync(work, method, call, idempotent, cancellationToken);
    }

    /// <summary>What a call that did not succeed means for its outbox row.</summary>
    private async Task HandleAsync(ChatOutboxWork work, string method, SlackCall call, bool idempotent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (call.Status)
        {
            case SlackCallStatus.RateLimited:
                var wait = call.RetryAfter ?? TimeSpan.FromSeconds(30);
                wait = wait > Settings.MaxRetryAfter ? Settings.MaxRetryAfter : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
                pacer.Pause(method, wait);
                await outbox.RetryLaterAsync(work, now + wait, $"rate limited on {method}", countsAsAttempt: true, cancellationToken: cancellationToken);
                break;
            case SlackCallStatus.Unreachable:
                await outbox.RetryLaterAsync(work, now + Settings.OutageRetry, "Slack unreachable", countsAsAttempt: false, cancellationToken: cancellationToken);
                break;
            case SlackCallStatus.Unknown:
                await outbox.RetryLaterAsync(work, now + Settings.OutageRetry, $"{method}: {call.Describe()}", countsAsAttempt: false,
                    outcomeKnown: idempotent, cancellationToken: cancellationToken);
                break;
            case SlackCallStatus.Refused when Transient.Contains(call.Error ?? ""):
                await outbox.RetryLaterAsync(work, now + TimeSpan.FromSeconds(30), $"{method}: {call.Error}", countsAsAttempt: true, cancellationToken: cancellationToken);
                break;
            default:
                await outbox.FailAsync(work, $"{method}: {call.Describe()}", cancellationToken);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox call {Id} ({Kind}) failed unexpectedly; it will be tried again")]
    private static partial void LogCallCrashed(ILogger logger, Exception exception, long id, ChatOperationKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId}: adopted the channel an earlier try made")]
    private static partial void LogAdopted(ILogger logger, int incidentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox call {Id}: the earlier try had been posted; not posting again")]
    private static partial void LogFoundEarlierTry(ILogger logger, long id);
}
