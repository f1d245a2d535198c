using System.Threading.RateLimiting;

namespace IncidentHub.Web.Security;

/// <summary>
/// A token bucket that reads the app's <see cref="TimeProvider"/>: it holds up to <c>capacity</c> permits and gains
/// <c>permitsPerSecond</c> for every second that passes, computed when it is asked (no timer). The framework's
/// <see cref="TokenBucketRateLimiter"/> refills from the machine's stopwatch, so a test could not hold its time still
/// and a slow machine let an extra request through; this one answers the same at any speed.
/// </summary>
public sealed class TimedTokenBucket : RateLimiter
{
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private readonly double _permitsPerSecond;
    private readonly TimeProvider _time;
    private double _permits;
    private long _stamp;
    private long _fullSince;

    public TimedTokenBucket(int capacity, double permitsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitsPerSecond);
        ArgumentNullException.ThrowIfNull(time);
        _capacity = capacity;
        _permitsPerSecond = permitsPerSecond;
        _time = time;
        _permits = capacity;
        _stamp = time.GetTimestamp();
        _fullSince = _stamp;
    }

    /// <summary>How long it has been full (so the partitioned limiter may drop it), or null while it is not.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                Refill();
                if (_permits < _capacity)
                {
                    return null;
                }

                return _time.GetElapsedTime(_fullSince);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)_permits };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        lock (_gate)
        {
            Refill();
            if (_permits >= permitCount)
            {
                _permits -= permitCount;
                return Lease.Granted;
            }

            var wait = TimeSpan.FromSeconds((permitCount - _permits) / _permitsPerSecond);
            return new Lease(false, wait);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    /// <summary>Adds what the time since the last look earned, up to the capacity.</summary>
    private void Refill()
    {
        var now = _time.GetTimestamp();
        if (_permits < _capacity)
        {
            var seconds = _time.GetElapsedTime(_stamp, now).TotalSeconds;
            var missing = _capacity - _permits;
            if (seconds * _permitsPerSecond >= missing)
            {
                _permits = _capacity;
                _fullSince = now - (long)((seconds - (missing / _permitsPerSecond)) * _time.TimestampFrequency);
            }
            else
            {
                _permits += seconds * _permitsPerSecond;
            }
        }

        _stamp = now;
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
