using IncidentHub.Core.Chat;
using IncidentHub.Core.Chat.Outbox;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Slack.Outbox;

/// <summary>What every outbox call shares: the Web API client, the pacing, the settings and the policy's verdicts.</summary>
public sealed class SlackOutboxCalls(SlackApiClient api, SlackPacer pacer, SlackUsers users, IOptions<SlackOptions> options, TimeProvider time)
{
    public SlackApiClient Api => api;

    public SlackPacer Pacer => pacer;

    public SlackUsers Users => users;

    public SlackOptions Settings => options.Value;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>What the call's outcome means for its row; a rate limit pauses every call of the method.</summary>
    public ChatOutboxDecision Decide(string method, SlackCall call, bool idempotent, string? resultId = null)
    {
        var decision = ChatOutboxPolicy.AfterCall(call.ToOutcome(), method, idempotent, Now, Settings.Retry, resultId);
        if (decision.PauseFor is { } pause)
        {
            pacer.Pause(method, pause);
        }

        return decision;
    }

    /// <summary>A retry until Slack's rate limit for <paramref name="method"/> has passed, or null when it is not paused.</summary>
    public ChatOutboxDecision? RateLimitWait(string method) =>
        pacer.PausedUntil(method) is { } until ? ChatOutboxDecision.Retry(until, $"waiting for Slack's rate limit on {method}") : null;

    /// <summary>The Slack ids of these people (those Slack knows), or a retry when Slack could not be asked.</summary>
    public async Task<(List<string> Ids, ChatOutboxDecision? Retry)> SlackIdsAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var userId in userIds.Distinct())
        {
            var person = await users.SlackIdForAsync(userId, cancellationToken);
            if (!person.Answered)
            {
                return (ids, ChatOutboxDecision.Retry(Now + Settings.OutageRetry, "Slack could not say who people are"));
            }

            if (person.Id is not null)
            {
                ids.Add(person.Id);
            }
        }

        return (ids, null);
    }
}
