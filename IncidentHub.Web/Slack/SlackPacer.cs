using System.Collections.Concurrent;

namespace IncidentHub.Web.Slack;

/// <summary>
/// Keeps this process within Slack's limits: about one post a second per channel, and nothing for a method that
/// Slack has rate-limited until its Retry-After has passed. Across processes, Slack's 429s do the same job.
/// </summary>
public sealed class SlackPacer(TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _lastPost = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Takes the channel's next posting slot, or says how long until it is free.</summary>
    public bool TryReservePost(string channel, TimeSpan interval, out TimeSpan wait)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_lastPost.TryGetValue(channel, out var last) && now - last < interval)
            {
                wait = interval - (now - last);
                return false;
            }

            _lastPost[channel] = now;
            wait = TimeSpan.Zero;
            return true;
        }
    }

    public void Pause(string method, TimeSpan retryAfter) => _pausedUntil[method] = time.GetUtcNow() + retryAfter;

    /// <summary>Until when <paramref name="method"/> waits for a rate limit; null when it may be called.</summary>
    public DateTimeOffset? PausedUntil(string method) =>
        _pausedUntil.TryGetValue(method, out var until) && until > time.GetUtcNow() ? until : null;
}
