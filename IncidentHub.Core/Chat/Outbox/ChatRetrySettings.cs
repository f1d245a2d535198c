namespace IncidentHub.Core.Chat.Outbox;

/// <summary>How long the outbox waits before trying a call again, by reason. The adapter reads them from its settings.</summary>
/// <param name="Outage">The chat system is unreachable, or its answer was lost.</param>
/// <param name="RefusedForNow">Refused for a reason that passes on its own.</param>
/// <param name="Crash">Making the call (or recording its outcome) threw.</param>
/// <param name="ChannelWait">The incident's channel does not exist yet.</param>
/// <param name="DefaultRetryAfter">Rate limited without saying for how long.</param>
/// <param name="MaxRetryAfter">The longest rate-limit wait honoured in one go.</param>
public sealed record ChatRetrySettings(
    TimeSpan Outage,
    TimeSpan RefusedForNow,
    TimeSpan Crash,
    TimeSpan ChannelWait,
    TimeSpan DefaultRetryAfter,
    TimeSpan MaxRetryAfter)
{
    public static ChatRetrySettings Default { get; } = new(
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));
}
