using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Insights;

/// <summary>
/// Insights across incidents, computed in the database: grouping, counting and sorting happen there and only the rows a
/// figure needs come back (one or two values per percentile, a few names per bar). Private incidents count in every
/// figure (an organisation's time to resolve must not improve by hiding its worst incidents); someone who may not see
/// one is told "1 private incident", never its name.
/// </summary>
public sealed partial class InsightsQueries(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time)
{
    /// <summary>How many incidents a bar or a figure names at most.</summary>
    public const int NamedPerFigure = 5;

    public async Task<InsightsReport> GetAsync(Actor viewer, InsightsFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(filter);
        filter.Validate();

        // A dozen statements whatever the period: each reads the period's rows of one table once (the incidents, their
        // status periods, updates, skips, actions, roles), the percentiles and "longest" figures of every section come
        // back together from one statement (Probes), and every name the report shows from one more (SampleBook).
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = Filtered(db, filter);
        var visible = all.VisibleTo(viewer, db);
        var buckets = InsightsBuckets.For(filter);
        var bucketOf = InsightsBuckets.IndexOf(buckets);
        var hidden = viewer.IsAdmin
            ? []
            : await all.Where(i => i.Visibility == IncidentVisibility.Private)
                .Where(i => !visible.Any(v => v.Id == i.Id))
                .Select(Bucketed.Selector(bucketOf))
                .Select(b => new HiddenIncident(b.Id, b.Bucket))
                .ToListAsync(cancellationToken);
        var scope = new Scope(db, all, visible, [.. hidden.Select(h => h.Id)], filter, time.GetUtcNow());
        var probes = new Probes();
        var names = new SampleBook(scope.Hidden);

        var summary = await SummaryAsync(scope, cancellationToken);
        var volume = await VolumeAsync(scope, buckets, bucketOf, hidden, cancellationToken);
        var durations = Durations(scope, summary, probes);
        var statuses = await TimeInStatusAsync(scope, probes, cancellationToken);
        var cadence = await CadenceAsync(scope, probes, cancellationToken);
        var actions = await ActionsAsync(scope, cancellationToken);
        var workload = await WorkloadAsync(scope, cadence.PostedBy, cancellationToken);

        await probes.RunAsync(cancellationToken);
        var finishDurations = durations.Select(d => d.Finish(probes, names)).ToList();
        var finishCadence = cadence.Finish(probes, names);
        var finishWorkload = workload.Finish(names);
        await names.ResolveAsync(scope, cancellationToken);
        return new InsightsReport(
            filter,
            summary.Count,
            summary.Private,
            volume,
            [.. finishDurations.Select(finish => finish())],
            [.. statuses.Select(s => s.Finish(probes))],
            finishCadence(),
            actions,
            finishWorkload());
    }

    /// <summary>Every incident the filter covers, private ones included (for counting, never for naming).</summary>
    private static IQueryable<Incident> Filtered(IncidentHubDbContext db, InsightsFilter filter)
    {
        var from = filter.From;
        var before = filter.Before;
        var query = db.Incidents.AsNoTracking().Where(i => i.DeclaredAt >= from && i.DeclaredAt < before);
        if (filter.SeverityIds.Count > 0)
        {
            var severities = filter.SeverityIds.ToList();
            query = query.Where(i => severities.Contains(i.SeverityId));
        }

        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses.ToList();
            query = query.Where(i => statuses.Contains(i.Status));
        }

        return filter.Visibility switch
        {
            VisibilityFilter.StandardOnly => query.Where(i => i.Visibility == IncidentVisibility.Standard),
            VisibilityFilter.PrivateOnly => query.Where(i => i.Visibility == IncidentVisibility.Private),
            _ => query,
        };
    }

    /// <summary>What every section queries: the filtered incidents, those the viewer may see, and those hidden from them.</summary>
    private sealed record Scope(
        IncidentHubDbContext Db,
        IQueryable<Incident> All,
        IQueryable<Incident> Visible,
        HashSet<int> Hidden,
        InsightsFilter Filter,
        DateTimeOffset Now)
    {
        public IQueryable<int> Ids => All.Select(i => i.Id);
    }

    /// <summary>A private incident the viewer may not see, and the bucket of the volume chart it was declared in.</summary>
    private sealed record HiddenIncident(int Id, int Bucket);

    /// <summary>An incident and a duration in seconds, as the database computes it.</summary>
    private sealed class Measured
    {
        public int Id { get; init; }

        public double? Seconds { get; init; }
    }
}
