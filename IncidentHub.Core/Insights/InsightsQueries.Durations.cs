using System.Linq.Expressions;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Insights;

public sealed partial class InsightsQueries
{
    /// <summary>
    /// The four "time to" figures, spanning the same key times as the incident review. An incident counts in a figure
    /// only when it has both of its times; a time recorded before its start counts as zero.
    /// </summary>
    private static readonly IReadOnlyList<MetricDefinition> Metrics =
    [
        new("detect", "Time to detect",
            "From when the impact started to when it was detected. Only incidents with a recorded impact start count.",
            i => new Measured { Id = i.Id, Seconds = SqlTime.SecondsBetween(i.ImpactStartedAt, i.DetectedAt) }),
        new("acknowledge", "Time to acknowledge",
            "From when it was detected to the first update posted.",
            i => new Measured { Id = i.Id, Seconds = SqlTime.SecondsBetween(i.DetectedAt, i.Updates.Min(u => (DateTimeOffset?)u.PostedAt)) }),
        new("mitigate", "Time to mitigate",
            "From when the impact started (or, when that is not recorded, when it was detected) to when it was mitigated.",
            i => new Measured { Id = i.Id, Seconds = SqlTime.SecondsBetween(i.ImpactStartedAt ?? i.DetectedAt, i.MitigatedAt) }),
        new("resolve", "Time to resolve",
            "From when the impact started (or, when that is not recorded, when it was detected) to when it was resolved.",
            i => new Measured { Id = i.Id, Seconds = SqlTime.SecondsBetween(i.ImpactStartedAt ?? i.DetectedAt, i.ResolvedAt) }),
    ];

    private static async Task<IReadOnlyList<DurationMetric>> DurationsAsync(Scope scope, int incidentCount, CancellationToken cancellationToken)
    {
        var result = new List<DurationMetric>();
        foreach (var metric in Metrics)
        {
            var measured = scope.All.Select(metric.Seconds)
                .Where(m => m.Seconds != null)
                .Select(m => new Measured { Id = m.Id, Seconds = m.Seconds < 0 ? 0 : m.Seconds });
            var (count, median, p90) = await SpreadAsync(measured, cancellationToken);
            var longest = await measured.OrderByDescending(m => m.Seconds).ThenBy(m => m.Id).Take(NamedPerFigure).Select(m => m.Id).ToListAsync(cancellationToken);
            result.Add(new DurationMetric(
                metric.Key,
                metric.Name,
                metric.Definition,
                Span(median),
                Span(p90),
                count,
                incidentCount,
                await SampleAsync(scope, longest, cancellationToken)));
        }

        return result;
    }

    /// <summary>How many values, their median and their 90th percentile.</summary>
    private static async Task<(int Count, double? Median, double? P90)> SpreadAsync(IQueryable<Measured> measured, CancellationToken cancellationToken)
    {
        var count = await measured.CountAsync(cancellationToken);
        var seconds = measured.Select(m => m.Seconds!.Value);
        return (count, await Percentiles.OfAsync(seconds, count, 0.5, cancellationToken), await Percentiles.OfAsync(seconds, count, 0.9, cancellationToken));
    }

    private static TimeSpan? Span(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)) : null;

    private sealed record MetricDefinition(string Key, string Name, string Definition, Expression<Func<Incident, Measured>> Seconds);
}
