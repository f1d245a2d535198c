using System.Collections.Concurrent;

namespace IncidentHub.Core.Users;

/// <summary>
/// A growing wait between failed sign-ins for one email from one client address, instead of a lock on the account: a
/// stranger hammering someone's account only slows themselves down, and the owner, signing in from their own address,
/// is not held up. <see cref="FreeFailures"/> failures cost nothing; after that each further attempt must wait
/// <see cref="FirstDelay"/>, then twice as long each time, up to <see cref="MaxDelay"/>. A success clears the count.
/// The count is kept by email as typed, so an email without an account is treated exactly like one with an account.
/// </summary>
/// <remarks>Kept in memory: a restart forgets it, and each replica counts for itself.</remarks>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;

    /// <summary>How many email and address pairs are remembered before the quiet ones are forgotten.</summary>
    public const int MaxTracked = 100_000;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>A pair with no failure for this long starts again from zero.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<(string Email, string Address), Entry> _entries = new();
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>
    /// Asks to try a password now. Null: go ahead (then report <see cref="Failed"/> or <see cref="Succeeded"/>).
    /// Otherwise how long to wait; nothing was counted. While an attempt is being checked, the next one waits as if
    /// it had failed, so parallel guesses cannot slip through together.
    /// </summary>
    public TimeSpan? TryBegin(string email, string address)
    {
        var now = time.GetUtcNow();
        var entry = _entries.GetOrAdd(Key(email, address), _ => new Entry());
        lock (entry)
        {
            if (entry.Failures > 0 && now - entry.LastFailureAt >= ForgetAfter)
            {
                entry.Failures = 0;
                entry.NotBefore = DateTimeOffset.MinValue;
            }

            if (now < entry.NotBefore)
            {
                return entry.NotBefore - now;
            }

            entry.NotBefore = now + DelayAfter(entry.Failures + 1);
        }

        if (_entries.Count > MaxTracked && now - _lastSweep >= TimeSpan.FromMinutes(1))
        {
            _lastSweep = now;
            ForgetQuiet(now);
        }

        return null;
    }

    public void Failed(string email, string address)
    {
        var now = time.GetUtcNow();
        var entry = _entries.GetOrAdd(Key(email, address), _ => new Entry());
        lock (entry)
        {
            entry.Failures++;
            entry.LastFailureAt = now;
            entry.NotBefore = now + DelayAfter(entry.Failures);
        }
    }

    public void Succeeded(string email, string address) => _entries.TryRemove(Key(email, address), out _);

    /// <summary>The wait before the next attempt once <paramref name="failures"/> attempts have failed.</summary>
    public static TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures, 20);
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    private static (string, string) Key(string email, string address) =>
        (email.Trim().ToUpperInvariant(), address);

    private void ForgetQuiet(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                if (now >= entry.NotBefore && (entry.Failures < FreeFailures || now - entry.LastFailureAt >= MaxDelay))
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset LastFailureAt { get; set; }

        public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.MinValue;
    }
}
