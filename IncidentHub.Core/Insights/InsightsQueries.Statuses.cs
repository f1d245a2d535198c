using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Insights;

public sealed partial class InsightsQueries
{
    /// <summary>
    /// Time spent in each status while the incidents were worked on (Triage to Monitoring), from their status periods;
    /// a status an incident is still in counts up to now.
    /// </summary>
    private static async Task<List<PendingStatus>> TimeInStatusAsync(Scope scope, Probes probes, CancellationToken cancellationToken)
    {
        var active = IncidentStatuses.Active.ToList();
        var now = scope.Now;
        var ids = scope.Ids;
        var periods = scope.Db.StatusPeriods.AsNoTracking().Where(p => ids.Contains(p.IncidentId) && active.Contains(p.Status));
        var totals = await periods
            .GroupBy(p => p.Status)
            .Select(g => new
            {
                Status = g.Key,
                Seconds = g.Sum(p => SqlTime.SecondsBetween(p.StartedAt, p.EndedAt ?? now)),
                Incidents = g.Select(p => p.IncidentId).Distinct().Count(),
            })
            .ToDictionaryAsync(t => t.Status, cancellationToken);

        var result = new List<PendingStatus>();
        foreach (var status in active)
        {
            if (!totals.TryGetValue(status, out var total))
            {
                result.Add(new PendingStatus(status, TimeSpan.Zero, 0, -1));
                continue;
            }

            // Per incident first (an incident may enter a status more than once), then the median of those.
            var perIncident = periods.Where(p => p.Status == status)
                .GroupBy(p => p.IncidentId)
                .Select(g => new Measured { Id = g.Key, Seconds = g.Sum(p => SqlTime.SecondsBetween(p.StartedAt, p.EndedAt ?? now)) ?? 0 });
            result.Add(new PendingStatus(status, Span(total.Seconds) ?? TimeSpan.Zero, total.Incidents, probes.AddPercentile(perIncident, total.Incidents, 0.5)));
        }

        return result;
    }

    private sealed record PendingStatus(IncidentStatus Status, TimeSpan Total, int Incidents, int MedianTag)
    {
        public StatusTime Finish(Probes probes) => new(Status, Total, Span(probes.Percentile(MedianTag, Incidents, 0.5)), Incidents);
    }
}
