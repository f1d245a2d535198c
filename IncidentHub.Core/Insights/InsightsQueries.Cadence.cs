using IncidentHub.Core.Actions;
using IncidentHub.Core.Data;
using IncidentHub.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Insights;

public sealed partial class InsightsQueries
{
    /// <summary>
    /// Updates on time and late (against the due time the cadence set), skipped updates, and the longest silence: the
    /// longest stretch of a running incident without an update, from its declaration, between two updates, or from
    /// its last update to its end (or now, if it still runs). A skip is a decision, but it is still silence.
    /// </summary>
    private static async Task<CadenceInsight> CadenceAsync(Scope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var ids = scope.Ids;
        var now = scope.Now;
        var updates = db.IncidentUpdates.AsNoTracking().Where(u => ids.Contains(u.IncidentId));
        var onTime = await updates.CountAsync(u => u.DueAt == null || u.PostedAt <= u.DueAt, cancellationToken);
        var late = await updates.CountAsync(u => u.DueAt != null && u.PostedAt > u.DueAt, cancellationToken);
        var skipped = await db.TimelineEntries.AsNoTracking()
            .CountAsync(e => ids.Contains(e.IncidentId) && e.Kind == TimelineEntryKind.UpdateSkipped, cancellationToken);

        // Before each update posted while the incident ran: since the previous update, or since the declaration.
        var beforeUpdates = await (
                from u in db.IncidentUpdates.AsNoTracking()
                join i in scope.All on u.IncidentId equals i.Id
                where u.PostedAt <= (i.ResolvedAt ?? i.DeclinedAt ?? now)
                let previous = db.IncidentUpdates.Where(p => p.IncidentId == u.IncidentId && p.PostedAt < u.PostedAt).Max(p => (DateTimeOffset?)p.PostedAt)
                select new Measured { Id = i.Id, Seconds = SqlTime.SecondsBetween(previous ?? i.DeclaredAt, u.PostedAt) })
            .OrderByDescending(m => m.Seconds).ThenBy(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        // After the last update: to the end, or to now.
        var afterLast = await scope.All
            .Select(i => new Measured { Id = i.Id, Seconds = SqlTime.SecondsBetween(i.LastUpdateAt ?? i.DeclaredAt, i.ResolvedAt ?? i.DeclinedAt ?? now) })
            .OrderByDescending(m => m.Seconds).ThenBy(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var longest = new[] { beforeUpdates, afterLast }
            .Where(m => m?.Seconds is > 0)
            .OrderByDescending(m => m!.Seconds)
            .FirstOrDefault();

        return new CadenceInsight(
            onTime,
            late,
            skipped,
            Span(longest?.Seconds),
            longest is null ? IncidentSample.None : await SampleAsync(scope, [longest.Id], cancellationToken));
    }

    /// <summary>The actions of the period's incidents by state.</summary>
    private static async Task<ActionsInsight> ActionsAsync(Scope scope, CancellationToken cancellationToken)
    {
        var ids = scope.Ids;
        var byStatus = await scope.Db.IncidentActions.AsNoTracking()
            .Where(a => ids.Contains(a.IncidentId))
            .GroupBy(a => a.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new ActionsInsight(
            byStatus.GetValueOrDefault(ActionStatus.Done),
            byStatus.GetValueOrDefault(ActionStatus.NotDoing),
            byStatus.GetValueOrDefault(ActionStatus.Outstanding));
    }
}
