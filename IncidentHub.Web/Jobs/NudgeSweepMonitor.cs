using IncidentHub.Core.Reminders;

namespace IncidentHub.Web.Jobs;

/// <summary>What this process's sweeps have done: how many ran, when the last one ran, how many nudges they sent.</summary>
public sealed class NudgeSweepMonitor
{
    private long _sweeps;
    private long _nudges;
    private long _lastSweptAtTicks;

    public long Sweeps => Interlocked.Read(ref _sweeps);

    public long Nudges => Interlocked.Read(ref _nudges);

    public DateTimeOffset? LastSweptAt => Interlocked.Read(ref _lastSweptAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void Record(NudgeSweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Interlocked.Add(ref _nudges, result.Nudges.Count);
        Interlocked.Exchange(ref _lastSweptAtTicks, result.SweptAt.UtcTicks);
        Interlocked.Increment(ref _sweeps);
    }
}
