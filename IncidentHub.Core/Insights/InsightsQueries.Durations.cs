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

    /// <summary>
    /// The incidents of the period counted in one pass: all of them, the private ones, and those that have the key times
    /// of each figure (the count a percentile needs before its values are read).
    /// </summary>
    private static async Task<Summary> SummaryAsync(Scope scope, CancellationToken cancellationToken)
    {
        var row = await scope.All
            .GroupBy(i => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Private = g.Count(i => i.Visibility == IncidentVisibility.Private),
                Detect = g.Count(i => i.ImpactStartedAt != null && i.DetectedAt != null),
                Acknowledge = g.Count(i => i.DetectedAt != null && i.Updates.Any()),
                Mitigate = g.Count(i => (i.ImpactStartedAt != null || i.DetectedAt != null) && i.MitigatedAt != null),
                Resolve = g.Count(i => (i.ImpactStartedAt != null || i.DetectedAt != null) && i.ResolvedAt != null),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? new Summary(0, 0, [0, 0, 0, 0])
            : new Summary(row.Count, row.Private, [row.Detect, row.Acknowledge, row.Mitigate, row.Resolve]);
    }

    /// <summary>Asks <paramref name="probes"/> for each figure's median, 90th percentile and longest incidents.</summary>
    private static List<PendingDuration> Durations(Scope scope, Summary summary, Probes probes) =>
        [.. Metrics.Select((metric, index) =>
        {
            var measured = scope.All.Select(metric.Seconds)
                .Where(m => m.Seconds != null)
                .Select(m => new Measured { Id = m.Id, Seconds = m.Seconds < 0 ? 0 : m.Seconds });
            var count = summary.Measured[index];
            return new PendingDuration(
                metric,
                count,
                summary.Count,
                probes.AddPercentile(measured, count, 0.5),
                probes.AddPercentile(measured, count, 0.9),
                count == 0 ? -1 : probes.Add(tag => measured.OrderByDescending(m => m.Seconds).ThenBy(m => m.Id).Take(NamedPerFigure)
                    .Select(m => new ProbeRow { Tag = tag, Id = m.Id, Seconds = m.Seconds })));
        })];

    private sealed record Summary(int Count, int Private, IReadOnlyList<int> Measured);

    private sealed record PendingDuration(MetricDefinition Definition, int Count, int OutOf, int MedianTag, int P90Tag, int LongestTag)
    {
        public Func<DurationMetric> Finish(Probes probes, SampleBook names)
        {
            var longest = LongestTag < 0
                ? []
                : probes.Rows(LongestTag, rows => rows.OrderByDescending(r => r.Seconds).ThenBy(r => r.Id)).Select(r => r.Id).ToList();
            var ticket = names.Add(longest);
            return () => new DurationMetric(
                Definition.Key,
                Definition.Name,
                Definition.Definition,
                Span(probes.Percentile(MedianTag, Count, 0.5)),
                Span(probes.Percentile(P90Tag, Count, 0.9)),
                Count,
                OutOf,
                names.Sample(ticket));
        }
    }

    private static TimeSpan? Span(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)) : null;

    private sealed record MetricDefinition(string Key, string Name, string Definition, Expression<Func<Incident, Measured>> Seconds);
}
