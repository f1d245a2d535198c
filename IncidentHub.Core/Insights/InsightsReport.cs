using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Insights;

/// <summary>Everything the insights page shows for one filter. Every figure counts private incidents; names never leak.</summary>
public sealed record InsightsReport(
    InsightsFilter Filter,
    int IncidentCount,
    int PrivateCount,
    VolumeInsight Volume,
    IReadOnlyList<DurationMetric> Durations,
    IReadOnlyList<StatusTime> TimeInStatus,
    CadenceInsight Cadence,
    ActionsInsight Actions,
    WorkloadInsight Workload);

public sealed record IncidentRef(int Number, string Name)
{
    public string Reference => IncidentReference.Format(Number);

    public override string ToString() => $"{Reference} {Name}";
}

/// <summary>
/// Some of the incidents behind a figure, as the viewer may know them: up to a few by name, how many more they could
/// see, and how many are private incidents they may not see ("1 private incident").
/// </summary>
public sealed record IncidentSample(IReadOnlyList<IncidentRef> Named, int MoreVisible, int Private)
{
    public static IncidentSample None { get; } = new([], 0, 0);

    public int Total => Named.Count + MoreVisible + Private;

    /// <summary>"INC-3 Checkout down; INC-7 Login slow; 2 more; 1 private incident".</summary>
    public string Describe()
    {
        var parts = Named.Select(n => n.ToString()).ToList();
        if (MoreVisible > 0)
        {
            parts.Add($"{MoreVisible} more");
        }

        if (Private > 0)
        {
            parts.Add(Private == 1 ? "1 private incident" : $"{Private} private incidents");
        }

        return string.Join("; ", parts);
    }
}

public sealed record SeverityCount(int SeverityId, string SeverityName, int SeverityRank, int Count);

public sealed record VolumeBucket(InsightsBucket Bucket, IReadOnlyList<SeverityCount> BySeverity, IncidentSample Incidents)
{
    public int Total => BySeverity.Sum(s => s.Count);
}

/// <summary>Incidents declared per bucket, by severity (most severe first in <see cref="Severities"/>).</summary>
public sealed record VolumeInsight(IReadOnlyList<VolumeBucket> Buckets, IReadOnlyList<SeverityCount> Severities);

/// <summary>
/// One "time to ..." figure: the median and 90th percentile over the <see cref="Measured"/> incidents (of
/// <see cref="OutOf"/>) whose key times allow it, and the longest of them.
/// </summary>
public sealed record DurationMetric(string Key, string Name, string Definition, TimeSpan? Median, TimeSpan? P90, int Measured, int OutOf, IncidentSample Longest);

/// <summary>Time spent in one status by the period's incidents: in all, and the median per incident that was in it.</summary>
public sealed record StatusTime(IncidentStatus Status, TimeSpan Total, TimeSpan? Median, int Incidents);

/// <summary>How well updates kept their cadence. The longest silence is the longest stretch without an update while an incident ran.</summary>
public sealed record CadenceInsight(int OnTime, int Late, int Skipped, TimeSpan? LongestSilence, IncidentSample LongestSilenceIn)
{
    public int Posted => OnTime + Late;

    /// <summary>Share of posted updates that were on time, 0 to 1; null when none were posted.</summary>
    public double? OnTimeShare => Posted == 0 ? null : (double)OnTime / Posted;
}

/// <summary>
/// Actions of the period's incidents by state. Post-incident follow-ups (with due dates, so an overdue count) join this
/// when they exist.
/// </summary>
public sealed record ActionsInsight(int Done, int NotDoing, int Outstanding)
{
    public int Total => Done + NotDoing + Outstanding;

    /// <summary>Done or decided against, 0 to 1; null when there are none.</summary>
    public double? CompletedShare => Total == 0 ? null : (double)(Done + NotDoing) / Total;
}

/// <summary>One person's share of the period's incidents.</summary>
public sealed record PersonWorkload(
    string UserId,
    string Name,
    int IncidentsLed,
    TimeSpan RoleTime,
    TimeSpan OutOfHours,
    int UpdatesPosted,
    IncidentSample Led);

/// <summary>The busiest people (by time holding a role), <see cref="People"/> of <see cref="TotalPeople"/>.</summary>
public sealed record WorkloadInsight(IReadOnlyList<PersonWorkload> People, int TotalPeople)
{
    public const int MaxPeople = 20;
}
