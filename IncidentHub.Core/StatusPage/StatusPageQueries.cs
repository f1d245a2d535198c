using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.StatusPage;

/// <summary>
/// Everything the public status page shows, and nothing else: published notices of standard incidents, their public
/// updates, the services and their states, 90 days of history. No internal text, no people, no private incident.
/// </summary>
public sealed class StatusPageQueries(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time)
{
    public const int HistoryDays = 90;
    public static readonly TimeSpan RecentlyResolvedWindow = TimeSpan.FromDays(7);

    public async Task<StatusSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var since = new DateTimeOffset(today.AddDays(-(HistoryDays - 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var resolvedSince = now - RecentlyResolvedWindow;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var components = await db.StatusComponents.AsNoTracking()
            .Where(c => !c.IsArchived)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Description })
            .ToListAsync(cancellationToken);

        // Public only: published notices of incidents everyone may know about.
        var publicNotices = db.PublicNotices.AsNoTracking()
            .Where(n => n.FirstPublishedAt != null)
            .Where(n => db.Incidents.Any(i => i.Id == n.IncidentId && i.Visibility == IncidentVisibility.Standard));

        var impacts = await db.PublicImpacts.AsNoTracking()
            .Where(i => i.Until == null || i.Until >= since)
            .Where(i => publicNotices.Any(n => n.Id == i.NoticeId))
            .Select(i => new { i.NoticeId, i.ComponentId, i.State, i.From, i.Until })
            .ToListAsync(cancellationToken);

        var notices = await publicNotices
            .Where(n => n.ResolvedAt == null || n.ResolvedAt >= resolvedSince)
            .Include(n => n.Updates)
            .AsSplitQuery()
            .OrderByDescending(n => n.LastPublishedAt)
            .ToListAsync(cancellationToken);

        var names = components.ToDictionary(c => c.Id, c => c.Name);
        var views = notices.Select(n => new PublicIncidentView(
                n.Id,
                n.Title,
                n.Status,
                n.FirstPublishedAt!.Value,
                n.ResolvedAt,
                impacts.Where(i => i.NoticeId == n.Id && i.Until == null && names.ContainsKey(i.ComponentId))
                    .Select(i => new AffectedComponent(names[i.ComponentId], i.State)).ToList(),
                n.Updates.OrderByDescending(u => u.PublishedAt).Select(u => new PublicUpdateView(u.Status, u.Title, u.Message, u.PublishedAt)).ToList()))
            .ToList();

        var componentViews = components.Select(c =>
        {
            var mine = impacts.Where(i => i.ComponentId == c.Id).ToList();
            var current = mine.Where(i => i.Until == null).Select(i => i.State).DefaultIfEmpty(ComponentState.Operational).Max();
            var history = Enumerable.Range(0, HistoryDays)
                .Select(d => today.AddDays(-(HistoryDays - 1) + d))
                .Select(day =>
                {
                    var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                    var end = start.AddDays(1);
                    var worst = mine.Where(i => i.From < end && (i.Until ?? now) >= start)
                        .Select(i => i.State).DefaultIfEmpty(ComponentState.Operational).Max();
                    return new DayStatus(day, worst);
                })
                .ToList();
            return new ComponentStatusView(c.Id, c.Name, c.Description, current, history);
        }).ToList();

        var active = views.Where(v => v.ResolvedAt is null).ToList();
        var worstNow = componentViews.Select(c => c.State).DefaultIfEmpty(ComponentState.Operational).Max();
        return new StatusSnapshot(now, worstNow, StatusWords.Overall(worstNow, active.Count > 0), componentViews, active,
            views.Where(v => v.ResolvedAt is not null).ToList());
    }
}

public sealed record StatusSnapshot(
    DateTimeOffset GeneratedAt,
    ComponentState Worst,
    string Headline,
    IReadOnlyList<ComponentStatusView> Components,
    IReadOnlyList<PublicIncidentView> Active,
    IReadOnlyList<PublicIncidentView> RecentlyResolved);

public sealed record ComponentStatusView(int Id, string Name, string Description, ComponentState State, IReadOnlyList<DayStatus> History)
{
    /// <summary>Share of the history days without any outage (maintenance and degradation count as up).</summary>
    public double Uptime => History.Count == 0 ? 1 : History.Count(d => d.Worst < ComponentState.PartialOutage) / (double)History.Count;
}

public sealed record DayStatus(DateOnly Day, ComponentState Worst);

public sealed record AffectedComponent(string Name, ComponentState State);

public sealed record PublicIncidentView(
    int Id,
    string Title,
    PublicStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<AffectedComponent> Affected,
    IReadOnlyList<PublicUpdateView> Updates);
