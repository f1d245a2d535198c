using IncidentHub.Core.Access;
using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.FollowUps;

/// <summary>The follow-ups page: across every incident the reader may see, overdue first, then by due date.</summary>
public sealed class FollowUpQueries(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time)
{
    public async Task<PagedResult<FollowUpItem>> SearchAsync(Actor viewer, FollowUpSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(search);
        var page = Math.Max(1, search.Page);
        var pageSize = Math.Clamp(search.PageSize, 1, FollowUpSearch.MaxPageSize);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var visible = db.Incidents.AsNoTracking().VisibleTo(viewer, db);
        var query = db.IncidentActions.AsNoTracking()
            .Where(a => a.Kind == ActionKind.FollowUp)
            .Join(visible, a => a.IncidentId, i => i.Id, (a, i) => new { Action = a, Incident = i });

        if (search.OwnerId is { Length: > 0 } owner)
        {
            query = query.Where(x => x.Action.OwnerId == owner);
        }

        if (search.IncidentNumber is { } number)
        {
            query = query.Where(x => x.Incident.Number == number);
        }

        if (search.Statuses.Count > 0)
        {
            var statuses = search.Statuses.ToList();
            query = query.Where(x => statuses.Contains(x.Action.Status));
        }

        if (search.OverdueOnly)
        {
            query = query.Where(x => x.Action.Status == ActionStatus.Outstanding && x.Action.DueAt != null && x.Action.DueAt <= now);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(x => x.Action.Status == ActionStatus.Outstanding && x.Action.DueAt != null && x.Action.DueAt <= now)
            .ThenBy(x => x.Action.Status == ActionStatus.Outstanding ? 0 : 1)
            .ThenBy(x => x.Action.DueAt == null)
            .ThenBy(x => x.Action.DueAt)
            .ThenBy(x => x.Action.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new FollowUpItem(
                x.Action.Id, x.Incident.Id, x.Incident.Number, x.Incident.Name, x.Incident.Visibility == IncidentVisibility.Private,
                x.Action.Title, x.Action.OwnerId, x.Action.OwnerName, x.Action.Status, x.Action.DueAt, x.Action.Priority,
                x.Action.TrackerUrl, x.Action.NotDoingReason, x.Action.CreatedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<FollowUpItem>(items, total, page, pageSize);
    }
}

public sealed record FollowUpItem(
    int Id,
    int IncidentId,
    int IncidentNumber,
    string IncidentName,
    bool IsPrivate,
    string Title,
    string? OwnerId,
    string? OwnerName,
    ActionStatus Status,
    DateTimeOffset? DueAt,
    FollowUpPriority Priority,
    string? TrackerUrl,
    string? NotDoingReason,
    DateTimeOffset CreatedAt)
{
    public string IncidentReference => Incidents.IncidentReference.Format(IncidentNumber);

    public bool IsOverdue(DateTimeOffset now) => Status == ActionStatus.Outstanding && DueAt is { } due && now >= due;
}

public sealed record FollowUpSearch
{
    public const int MaxPageSize = 100;

    /// <summary>Only this person's (the "Mine" view passes the reader's id).</summary>
    public string? OwnerId { get; init; }

    public int? IncidentNumber { get; init; }

    /// <summary>Empty: any status.</summary>
    public IReadOnlyCollection<ActionStatus> Statuses { get; init; } = [ActionStatus.Outstanding];

    public bool OverdueOnly { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}
