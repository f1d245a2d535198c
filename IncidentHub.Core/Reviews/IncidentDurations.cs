namespace IncidentHub.Core.Reviews;

/// <summary>
/// Time to detect, mitigate and resolve. Measured from when impact started; when nobody has recorded that, from
/// detection (and then time to detect is unknown).
/// </summary>
public sealed record IncidentDurations(
    TimeSpan? TimeToDetect,
    TimeSpan? TimeToMitigate,
    TimeSpan? TimeToResolve,
    DurationBasis Basis)
{
    public static IncidentDurations Compute(DateTimeOffset? impactStarted, DateTimeOffset? detected, DateTimeOffset? mitigated, DateTimeOffset? resolved)
    {
        var (start, basis) = impactStarted is { } impact
            ? (impact, DurationBasis.ImpactStarted)
            : detected is { } d ? (d, DurationBasis.Detected) : (default(DateTimeOffset?), DurationBasis.Unknown);

        return new IncidentDurations(
            impactStarted is { } i && detected is { } det ? Positive(det - i) : null,
            start is { } s1 && mitigated is { } m ? Positive(m - s1) : null,
            start is { } s2 && resolved is { } r ? Positive(r - s2) : null,
            basis);
    }

    private static TimeSpan? Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}

public enum DurationBasis
{
    /// <summary>Durations run from when impact started.</summary>
    ImpactStarted,

    /// <summary>Impact start is not recorded; durations run from detection.</summary>
    Detected,

    Unknown,
}
