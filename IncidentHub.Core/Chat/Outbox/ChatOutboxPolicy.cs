namespace IncidentHub.Core.Chat.Outbox;

/// <summary>
/// The outbox's rules, as pure functions: what a call's outcome means for its row, what a crash means, and the privacy
/// gate every call passes last before anything is posted. No database, no clock: the caller passes "now".
/// </summary>
public static class ChatOutboxPolicy
{
    public const string NoAnnouncementsChannel = "no announcements channel is configured";

    /// <summary>What the outcome of <paramref name="method"/> means. <paramref name="idempotent"/>: repeating it does no harm.</summary>
    public static ChatOutboxDecision AfterCall(ChatCallOutcome outcome, string method, bool idempotent, DateTimeOffset now, ChatRetrySettings settings, string? resultId = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(settings);
        switch (outcome.Result)
        {
            case ChatCallResult.Ok:
                return ChatOutboxDecision.Complete(resultId);
            case ChatCallResult.RateLimited:
                var wait = outcome.RetryAfter ?? settings.DefaultRetryAfter;
                wait = wait > settings.MaxRetryAfter ? settings.MaxRetryAfter : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
                return ChatOutboxDecision.Retry(now + wait, $"rate limited on {method}", countsAsAttempt: true) with { PauseFor = wait };
            case ChatCallResult.Unreachable:
                return ChatOutboxDecision.Retry(now + settings.Outage, $"{method}: unreachable");
            case ChatCallResult.Unknown:
                return ChatOutboxDecision.Retry(now + settings.Outage, $"{method}: {outcome.Describe()}", outcomeKnown: idempotent);
            case ChatCallResult.RefusedForNow:
                return ChatOutboxDecision.Retry(now + settings.RefusedForNow, $"{method}: {outcome.Describe()}", countsAsAttempt: true);
            default:
                return ChatOutboxDecision.Fail($"{method}: {outcome.Describe()}");
        }
    }

    /// <summary>
    /// Making the call, or recording its outcome, threw. The call may have been made (the chat system accepted a post,
    /// then saving "sent" failed), so its outcome is unknown: the next try looks before it posts.
    /// </summary>
    public static ChatOutboxDecision AfterCrash(string error, DateTimeOffset now, ChatRetrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ChatOutboxDecision.Retry(now + settings.Crash, error, countsAsAttempt: true, outcomeKnown: false);
    }

    /// <summary>The channel's history could not be read to see whether an earlier try was posted: look again later.</summary>
    public static ChatOutboxDecision HistoryUnreadable(DateTimeOffset now, ChatRetrySettings settings) =>
        ChatOutboxDecision.Retry(now + settings.Outage, "checking whether an earlier try was posted", outcomeKnown: false);

    /// <summary>The incident's channel does not exist yet (its creation failed; an admin can retry it): wait, uncounted.</summary>
    public static ChatOutboxDecision WaitForChannel(DateTimeOffset now, ChatRetrySettings settings) =>
        ChatOutboxDecision.Retry(now + settings.ChannelWait, "waiting for the incident's channel");

    /// <summary>
    /// The last check before anything is said: null when the call may go ahead, else the skip. A private incident is
    /// never announced; once an incident is private, nothing more goes to a channel everyone could read (but the one
    /// notice that says so); a private channel may carry everything.
    /// </summary>
    public static ChatOutboxDecision? PrivacyGate(ChatOperationKind kind, ChatTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IncidentIsPrivate || kind == ChatOperationKind.Archive)
        {
            return null;
        }

        return kind switch
        {
            ChatOperationKind.Announce or ChatOperationKind.UpdateAnnouncement => ChatOutboxDecision.Skip("private incidents are not announced"),
            ChatOperationKind.CreateChannel => null,
            _ when target.ChannelIsPrivate => null,
            _ when target.IsPrivacyNotice => null,
            _ => ChatOutboxDecision.Skip("the incident is private now and its channel is open to everyone"),
        };
    }

    /// <summary>Only the latest of several pending announcement updates needs to go out.</summary>
    public static ChatOutboxDecision? MergeAnnouncementUpdates(bool laterUpdatePending) =>
        laterUpdatePending ? ChatOutboxDecision.Skip("a later update of the announcement replaces it") : null;

    /// <summary>Nothing more goes to an archived channel (but archiving it).</summary>
    public static ChatOutboxDecision? ArchivedChannel(ChatOperationKind kind, bool archived) =>
        archived && kind != ChatOperationKind.Archive ? ChatOutboxDecision.Skip("the channel is archived") : null;
}

/// <summary>Where a call would go, as the privacy gate needs to know it, read just before the call.</summary>
public sealed record ChatTarget(bool IncidentIsPrivate, bool ChannelIsPrivate, bool IsPrivacyNotice = false);
