using IncidentHub.Core.Chat.Outbox;

namespace IncidentHub.Web.Slack.Outbox;

/// <summary>Slack's answers in the outbox's words: which refusals pass on their own is Slack protocol knowledge.</summary>
public static class SlackCallOutcomes
{
    /// <summary>Refusals that may pass on their own.</summary>
    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org",
    };

    public static ChatCallOutcome ToOutcome(this SlackCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Status switch
        {
            SlackCallStatus.Ok => ChatCallOutcome.Ok,
            SlackCallStatus.RateLimited => new ChatCallOutcome(ChatCallResult.RateLimited, call.Error, call.RetryAfter),
            SlackCallStatus.Unreachable => new ChatCallOutcome(ChatCallResult.Unreachable, call.Error),
            SlackCallStatus.Unknown => new ChatCallOutcome(ChatCallResult.Unknown, call.Error),
            SlackCallStatus.Refused when Transient.Contains(call.Error ?? "") => new ChatCallOutcome(ChatCallResult.RefusedForNow, call.Error),
            _ => new ChatCallOutcome(ChatCallResult.Refused, call.Error ?? "refused"),
        };
    }
}
