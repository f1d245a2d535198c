namespace IncidentHub.Core.Chat.Outbox;

/// <summary>What became of one call to the chat system, in words the Slack adapter maps Slack's answers to (the policy never sees Slack's protocol).</summary>
public enum ChatCallResult
{
    /// <summary>The call was made.</summary>
    Ok,

    /// <summary>Refused for good (a bad argument, a missing scope): nothing happened.</summary>
    Refused,

    /// <summary>Refused for a reason that passes on its own (the chat system's internal error): nothing happened.</summary>
    RefusedForNow,

    /// <summary>Rate limited: nothing happened; wait <see cref="ChatCallOutcome.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The chat system could not be reached at all: nothing happened.</summary>
    Unreachable,

    /// <summary>A timeout, a dropped connection, a garbled answer: the call may or may not have happened.</summary>
    Unknown,
}

/// <summary>The outcome of one call: its result, the chat system's error code, and how long it asked us to wait.</summary>
public sealed record ChatCallOutcome(ChatCallResult Result, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static ChatCallOutcome Ok { get; } = new(ChatCallResult.Ok);

    public string Describe() => Result switch
    {
        ChatCallResult.Ok => "ok",
        ChatCallResult.Refused or ChatCallResult.RefusedForNow => Error ?? "refused",
        ChatCallResult.RateLimited => "rate limited",
        ChatCallResult.Unreachable => "unreachable",
        _ => Error is null ? "no answer (it may have gone through)" : $"{Error} (it may have gone through)",
    };
}
