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
    private static async Task<PendingCadence> CadenceAsync(Scope scope, Probes probes, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var ids = scope.Ids;
        var now = scope.Now;

        // The period's updates read once, by author: on time and late here, updates posted per person for the workload.
        var byAuthor = await db.IncidentUpdates.AsNoTracking()
            .Where(u => ids.Contains(u.IncidentId))
            .GroupBy(u => u.AuthorId)
            .Select(g => new
            {
                UserId = g.Key,
                Name = g.Max(u => u.AuthorName),
                OnTime = g.Count(u => u.DueAt == null || u.PostedAt <= u.DueAt),
                Late = g.Count(u => u.DueAt != null && u.PostedAt > u.DueAt),
            })
            .ToListAsync(cancellationToken);
        var skipped = await db.TimelineEntries.AsNoTracking()
            .CountAsync(e => e.Kind == TimelineEntryKind.UpdateSkipped && ids.Contains(e.IncidentId), cancellationToken);

        // Before each update posted while the incident ran: since the previous update, or since the declaration.
        var beforeUpdates = probes.Add(tag => (
                from u in db.IncidentUpdates.AsNoTracking()
                join i in scope.All on u.IncidentId equals i.Id
                where u.PostedAt <= (i.ResolvedAt ?? i.DeclinedAt ?? now)
                let previous = db.IncidentUpdates.Where(p => p.IncidentId == u.IncidentId && p.PostedAt < u.PostedAt).Max(p => (DateTimeOffset?)p.PostedAt)
                select new Measured { Id = i.Id, Seconds = SqlTime.SecondsBetween(previous ?? i.DeclaredAt, u.PostedAt) })
            .OrderByDescending(m => m.Seconds).ThenBy(m => m.Id)
            .Take(1)
            .Select(m => new ProbeRow { Tag = tag, Id = m.Id, Seconds = m.Seconds }));
        // After the last update: to the end, or to now.
        var afterLast = probes.Add(tag => scope.All
            .Select(i => new Measured { Id = i.Id, Seconds = SqlTime.SecondsBetween(i.LastUpdateAt ?? i.DeclaredAt, i.ResolvedAt ?? i.DeclinedAt ?? now) })
            .OrderByDescending(m => m.Seconds).ThenBy(m => m.Id)
            .Take(1)
            .Select(m => new ProbeRow { Tag = tag, Id = m.Id, Seconds = m.Seconds }));

        return new PendingCadence(
            byAuthor.Sum(a => a.OnTime),
            byAuthor.Sum(a => a.Late),
            skipped,
            beforeUpdates,
            afterLast,
            byAuthor.ToDictionary(a => a.UserId, a => new Posted(a.OnTime + a.Late, a.Name), StringComparer.Ordinal));
    }

    /// <summary>How many updates someone posted in the period's incidents, and the name they posted under.</summary>
    private sealed record Posted(int Count, string? Name);

    private sealed record PendingCadence(int OnTime, int Late, int Skipped, int BeforeUpdatesTag, int AfterLastTag, IReadOnlyDictionary<string, Posted> PostedBy)
    {
        public Func<CadenceInsight> Finish(Probes probes, SampleBook names)
        {
            var longest = new[] { BeforeUpdatesTag, AfterLastTag }
                .Select(tag => probes.Rows(tag, rows => rows.OrderBy(r => 0)).FirstOrDefault())
                .Where(m => m?.Seconds is > 0)
                .OrderByDescending(m => m!.Seconds)
                .FirstOrDefault();
            var ticket = names.Add(longest is null ? [] : [longest.Id]);
            return () => new CadenceInsight(OnTime, Late, Skipped, Span(longest?.Seconds), names.Sample(ticket));
        }
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
