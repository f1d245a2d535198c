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
    private static async Task<IReadOnlyList<StatusTime>> TimeInStatusAsync(Scope scope, CancellationToken cancellationToken)
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

        var result = new List<StatusTime>();
        foreach (var status in active)
        {
            if (!totals.TryGetValue(status, out var total))
            {
                result.Add(new StatusTime(status, TimeSpan.Zero, null, 0));
                continue;
            }

            // Per incident first (an incident may enter a status more than once), then the median of those.
            var perIncident = periods.Where(p => p.Status == status)
                .GroupBy(p => p.IncidentId)
                .Select(g => g.Sum(p => SqlTime.SecondsBetween(p.StartedAt, p.EndedAt ?? now)) ?? 0);
            var median = await Percentiles.OfAsync(perIncident, total.Incidents, 0.5, cancellationToken);
            result.Add(new StatusTime(status, Span(total.Seconds) ?? TimeSpan.Zero, Span(median), total.Incidents));
        }

        return result;
    }
}
