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
            .Where(c => !c.IsArchived && c.IsPublic)
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
            .Join(db.PublicNotices, i => i.NoticeId, n => n.Id, (i, n) => new { i.NoticeId, n.Title, i.ComponentId, i.State, i.From, i.Until })
            .ToListAsync(cancellationToken);

        var notices = await publicNotices
            .Where(n => n.ResolvedAt == null || n.ResolvedAt >= resolvedSince)
            .Include(n => n.Updates)
            .AsSplitQuery()
            .OrderByDescending(n => n.LastPublishedAt)
            .ToListAsync(cancellationToken);

        // Customers' "started" is when their impact began, when the lead has set it; otherwise the first publication.
        var incidentIds = notices.Select(n => n.IncidentId).ToList();
        var impactStarts = await db.Incidents.AsNoTracking()
            .Where(i => incidentIds.Contains(i.Id) && i.ImpactStartedAt != null)
            .Select(i => new { i.Id, i.ImpactStartedAt })
            .ToDictionaryAsync(i => i.Id, i => i.ImpactStartedAt!.Value, cancellationToken);

        var names = components.ToDictionary(c => c.Id, c => c.Name);
        var views = notices.Select(n => new PublicIncidentView(
                n.Id,
                n.Title,
                n.Status,
                impactStarts.TryGetValue(n.IncidentId, out var impactStart) ? impactStart : n.FirstPublishedAt!.Value,
                n.ResolvedAt,
                impacts.Where(i => i.NoticeId == n.Id && i.Until == null && names.ContainsKey(i.ComponentId))
                    .Select(i => new AffectedComponent(names[i.ComponentId], i.State)).ToList(),
                n.Updates.OrderByDescending(u => u.PublishedAt).Select(u => new PublicUpdateView(u.Status, u.Title, u.Message, u.PublishedAt)).ToList()))
            .ToList();

        var componentViews = components.Select(c =>
        {
            var mine = impacts.Where(i => i.ComponentId == c.Id).ToList();
            var current = mine.Where(i => i.Until == null).Select(i => i.State).DefaultIfEmpty(ComponentState.Operational).Max();
            var history = Uptime.Count(mine.Select(i => new ImpactSpan(i.NoticeId, i.Title, i.State, i.From, i.Until)), HistoryDays, now);
            return new ComponentStatusView(c.Id, c.Name, c.Description, current, history.Days, history.UptimeShare);
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

/// <summary>A service on the status page: its state now, each day of its history and its uptime (see <see cref="StatusPage.Uptime"/>).</summary>
public sealed record ComponentStatusView(int Id, string Name, string Description, ComponentState State, IReadOnlyList<DayStatus> History, double Uptime);

/// <summary>One UTC day of a service: its worst state, the time in each state that is not operational, and the notices.</summary>
public sealed record DayStatus(
    DateOnly Day,
    ComponentState Worst,
    TimeSpan MajorOutage,
    TimeSpan PartialOutage,
    TimeSpan DegradedPerformance,
    TimeSpan UnderMaintenance,
    IReadOnlyList<string> Incidents)
{
    /// <summary>Nothing happened: operational all day and no notice touched it.</summary>
    public bool IsQuiet => Worst == ComponentState.Operational && Incidents.Count == 0;
}

public sealed record AffectedComponent(string Name, ComponentState State);

public sealed record PublicIncidentView(
    int Id,
    string Title,
    PublicStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<AffectedComponent> Affected,
    IReadOnlyList<PublicUpdateView> Updates);
