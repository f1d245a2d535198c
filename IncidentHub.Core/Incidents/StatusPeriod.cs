namespace IncidentHub.Core.Incidents;

/// <summary>
/// The incident was in <see cref="Status"/> from <see cref="StartedAt"/> until <see cref="EndedAt"/> (null while it
/// still is). Part of the incident aggregate: every status change ends one period and starts the next, so insights can
/// say how long incidents spend in each status without reading timelines.
/// </summary>
public sealed class StatusPeriod
{
    private StatusPeriod()
    {
    }

    internal StatusPeriod(IncidentStatus status, DateTimeOffset startedAt)
    {
        Status = status;
        StartedAt = startedAt;
    }

    public long Id { get; private set; }

    public int IncidentId { get; private set; }

    public IncidentStatus Status { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsCurrent => EndedAt is null;

    internal void End(DateTimeOffset now) => EndedAt ??= now < StartedAt ? StartedAt : now;
}
