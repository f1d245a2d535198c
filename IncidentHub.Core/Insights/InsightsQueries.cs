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

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = Filtered(db, filter);
        var visible = all.VisibleTo(viewer, db);
        var hidden = viewer.IsAdmin
            ? []
            : (await all.Where(i => i.Visibility == IncidentVisibility.Private)
                .Where(i => !visible.Any(v => v.Id == i.Id))
                .Select(i => i.Id)
                .ToListAsync(cancellationToken)).ToHashSet();
        var scope = new Scope(db, all, visible, hidden, filter, time.GetUtcNow());

        var count = await all.CountAsync(cancellationToken);
        var privateCount = await all.CountAsync(i => i.Visibility == IncidentVisibility.Private, cancellationToken);
        var volume = await VolumeAsync(scope, cancellationToken);
        var durations = await DurationsAsync(scope, count, cancellationToken);
        var statuses = await TimeInStatusAsync(scope, cancellationToken);
        var cadence = await CadenceAsync(scope, cancellationToken);
        var actions = await ActionsAsync(scope, cancellationToken);
        var workload = await WorkloadAsync(scope, cancellationToken);
        return new InsightsReport(filter, count, privateCount, volume, durations, statuses, cadence, actions, workload);
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

    /// <summary>
    /// Names the incidents among <paramref name="ids"/> (in the order given) that the viewer may see, up to
    /// <see cref="NamedPerFigure"/>; the others are counted as more, or as private.
    /// </summary>
    private static async Task<IncidentSample> SampleAsync(Scope scope, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return IncidentSample.None;
        }

        var hidden = ids.Count(scope.Hidden.Contains);
        var shown = ids.Where(id => !scope.Hidden.Contains(id)).Take(NamedPerFigure).ToList();
        var names = await scope.Visible.Where(i => shown.Contains(i.Id))
            .Select(i => new { i.Id, i.Number, i.Name })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var named = shown.Where(names.ContainsKey).Select(id => new IncidentRef(names[id].Number, names[id].Name)).ToList();
        return new IncidentSample(named, ids.Count - hidden - named.Count, hidden);
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

    /// <summary>An incident and a duration in seconds, as the database computes it.</summary>
    private sealed class Measured
    {
        public int Id { get; init; }

        public double? Seconds { get; init; }
    }
}
