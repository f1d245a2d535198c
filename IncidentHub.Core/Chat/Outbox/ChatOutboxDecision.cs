namespace IncidentHub.Core.Chat.Outbox;

public enum ChatOutboxAction
{
    /// <summary>Sent: record it (with what the chat system returned).</summary>
    Complete,

    /// <summary>No longer needed: record why.</summary>
    Skip,

    /// <summary>Refused for good: record why; an admin may retry it.</summary>
    Fail,

    /// <summary>Put it back in its lane until <see cref="ChatOutboxDecision.At"/>.</summary>
    Retry,

    /// <summary>Nothing to record: the lease was lost and another worker holds the call.</summary>
    LeaseLost,
}

/// <summary>
/// What to do with an outbox row after one try. <see cref="CountsAsAttempt"/>: a refusal or rate limit (after
/// <see cref="ChatOutboxService.MaxAttempts"/> of them the call fails). <see cref="OutcomeKnown"/> false: the call
/// may have been made, so the in-flight marker stays and the next try looks for it before making it again.
/// <see cref="PauseFor"/>: the method is rate limited for this long (the adapter pauses every call of it).
/// </summary>
public sealed record ChatOutboxDecision(
    ChatOutboxAction Action,
    string? Reason = null,
    string? ResultId = null,
    DateTimeOffset? At = null,
    bool CountsAsAttempt = false,
    bool OutcomeKnown = true,
    TimeSpan? PauseFor = null)
{
    public static ChatOutboxDecision Complete(string? resultId = null) => new(ChatOutboxAction.Complete, ResultId: resultId);

    public static ChatOutboxDecision Skip(string reason) => new(ChatOutboxAction.Skip, reason);

    public static ChatOutboxDecision Fail(string reason) => new(ChatOutboxAction.Fail, reason);

    public static ChatOutboxDecision Retry(DateTimeOffset at, string reason, bool countsAsAttempt = false, bool outcomeKnown = true) =>
        new(ChatOutboxAction.Retry, reason, At: at, CountsAsAttempt: countsAsAttempt, OutcomeKnown: outcomeKnown);

    public static ChatOutboxDecision LeaseLost { get; } = new(ChatOutboxAction.LeaseLost);
}
