using IncidentHub.Core.Access;
using IncidentHub.Core.AffectedServices;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Incidents;

/// <summary>Read models for the dashboard, the incidents list and the incident page.</summary>
public sealed class IncidentQueries(IDbContextFactory<IncidentHubDbContext> dbFactory)
{
    /// <summary>Active incidents <paramref name="viewer"/> may see, most severe first, then newest.</summary>
    public Task<IReadOnlyList<IncidentListItem>> GetActiveAsync(Actor viewer, DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return GetActiveAsync(filter, viewer, cancellationToken);
    }

    /// <summary>Every active incident, private ones included: for Core and tests, never for a person.</summary>
    internal Task<IReadOnlyList<IncidentListItem>> GetActiveAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        GetActiveAsync(filter, null, cancellationToken);

    private async Task<IReadOnlyList<IncidentListItem>> GetActiveAsync(DashboardFilter filter, Actor? viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var active = IncidentStatuses.Active.ToList();
        var query = Visible(db, viewer).Where(i => active.Contains(i.Status));
        if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses.ToList();
            query = query.Where(i => statuses.Contains(i.Status));
        }

        if (filter.SeverityIds.Count > 0)
        {
            var severities = filter.SeverityIds.ToList();
            query = query.Where(i => severities.Contains(i.SeverityId));
        }

        if (!string.IsNullOrEmpty(filter.LeadId))
        {
            query = query.Where(i => i.LeadId == filter.LeadId);
        }

        if (!string.IsNullOrEmpty(filter.MineUserId))
        {
            var userId = filter.MineUserId;
            query = query.Where(i => i.RoleAssignments.Any(r => r.UserId == userId && r.EndedAt == null));
        }

        if (filter.ServiceIds.Count > 0)
        {
            var serviceIds = filter.ServiceIds.ToList();
            query = query.Where(i => db.AffectedServices.Any(a => a.IncidentId == i.Id && serviceIds.Contains(a.ServiceId)));
        }

        if (filter.TypeIds.Count > 0)
        {
            var typeIds = filter.TypeIds.ToList();
            query = query.Where(i => i.TypeId != null && typeIds.Contains(i.TypeId.Value));
        }

        var items = await query
            .OrderByDescending(i => i.Severity.Rank)
            .ThenByDescending(i => i.DeclaredAt)
            .Select(ToListItem)
            .ToListAsync(cancellationToken);
        return await WithServicesAsync(db, items, cancellationToken);
    }

    private static async Task<IReadOnlyList<IncidentListItem>> WithServicesAsync(IncidentHubDbContext db, IReadOnlyList<IncidentListItem> items, CancellationToken cancellationToken)
    {
        var services = await AffectedServiceReads.ForIncidentsAsync(db, [.. items.Select(i => i.Id)], cancellationToken);
        return [.. items.Select(i => i with { Services = services.Of(i.Id) })];
    }

    public Task<PagedResult<IncidentListItem>> SearchAsync(Actor viewer, IncidentSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return SearchAsync(search, viewer, cancellationToken);
    }

    internal Task<PagedResult<IncidentListItem>> SearchAsync(IncidentSearch search, CancellationToken cancellationToken = default) =>
        SearchAsync(search, null, cancellationToken);

    private async Task<PagedResult<IncidentListItem>> SearchAsync(IncidentSearch search, Actor? viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var page = Math.Max(1, search.Page);
        var pageSize = Math.Clamp(search.PageSize, 1, IncidentSearch.MaxPageSize);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Visible(db, viewer);
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            // PostgreSQL's LIKE heeds case (SQLite's and SQL Server's usual collation do not): there both sides are lowered.
            var fold = SqlText.LikeHeedsCase(db);
            var pattern = "%" + (fold ? EscapeLike(text).ToLowerInvariant() : EscapeLike(text)) + "%";
            if (IncidentReference.TryParse(text, out var number))
            {
                query = query.Where(i => i.Number == number
                    || EF.Functions.Like(fold ? i.Name.ToLower() : i.Name, pattern, "\\")
                    || EF.Functions.Like(fold ? i.Summary.ToLower() : i.Summary, pattern, "\\"));
            }
            else
            {
                query = query.Where(i => EF.Functions.Like(fold ? i.Name.ToLower() : i.Name, pattern, "\\") || EF.Functions.Like(fold ? i.Summary.ToLower() : i.Summary, pattern, "\\"));
            }
        }

        if (search.Statuses.Count > 0)
        {
            var statuses = search.Statuses.ToList();
            query = query.Where(i => statuses.Contains(i.Status));
        }

        if (search.SeverityIds.Count > 0)
        {
            var severities = search.SeverityIds.ToList();
            query = query.Where(i => severities.Contains(i.SeverityId));
        }

        if (search.DeclaredFrom is { } from)
        {
            query = query.Where(i => i.DeclaredAt >= from);
        }

        if (search.DeclaredBefore is { } before)
        {
            query = query.Where(i => i.DeclaredAt < before);
        }

        if (search.IsPrivate is { } isPrivate)
        {
            var visibility = isPrivate ? IncidentVisibility.Private : IncidentVisibility.Standard;
            query = query.Where(i => i.Visibility == visibility);
        }

        if (!string.IsNullOrEmpty(search.LedById))
        {
            var leadId = search.LedById;
            query = query.Where(i => i.RoleAssignments.Any(r => r.UserId == leadId && r.RoleDefinition.Kind == IncidentRoleKind.Lead));
        }

        if (search.ServiceIds.Count > 0)
        {
            // An index seek on IncidentServices (ServiceId, IncidentId), not a scan.
            var serviceIds = search.ServiceIds.ToList();
            query = query.Where(i => db.AffectedServices.Any(a => a.IncidentId == i.Id && serviceIds.Contains(a.ServiceId)));
        }

        if (search.TypeIds.Count > 0)
        {
            // An index seek on Incidents (TypeId).
            var typeIds = search.TypeIds.ToList();
            query = query.Where(i => i.TypeId != null && typeIds.Contains(i.TypeId.Value));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(i => i.DeclaredAt)
            .ThenByDescending(i => i.Number)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(ToListItem)
            .ToListAsync(cancellationToken);
        return new PagedResult<IncidentListItem>(await WithServicesAsync(db, items, cancellationToken), total, page, pageSize);
    }

    /// <summary>
    /// The incident page's header, roles and actions; null when there is no such incident or <paramref name="viewer"/>
    /// may not see it (the two are indistinguishable on purpose).
    /// </summary>
    public Task<IncidentDetail?> GetDetailAsync(Actor viewer, int number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return GetDetailAsync(number, viewer, cancellationToken);
    }

    internal Task<IncidentDetail?> GetDetailAsync(int number, CancellationToken cancellationToken = default) =>
        GetDetailAsync(number, null, cancellationToken);

    private async Task<IncidentDetail?> GetDetailAsync(int number, Actor? viewer, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await Visible(db, viewer)
            .Include(i => i.Severity)
            .Include(i => i.Reminder)
            .Include(i => i.RoleAssignments.Where(r => r.EndedAt == null))
            .ThenInclude(r => r.RoleDefinition)
            .Include(i => i.Actions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Number == number, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var definitions = await db.RoleDefinitions.AsNoTracking()
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Name)
            .ToListAsync(cancellationToken);
        var roles = definitions
            .Select(d => (Definition: d, Holder: incident.RoleAssignments.SingleOrDefault(r => r.RoleDefinitionId == d.Id)))
            .Where(x => x.Holder is not null || !x.Definition.IsArchived)
            .Select(x => new RoleHolder(x.Definition.Id, x.Definition.Name, x.Definition.Kind, x.Definition.Instructions, x.Holder?.UserId, x.Holder?.UserName, x.Holder?.AssignedAt, x.Definition.IsArchived))
            .ToList();
        var actions = incident.Actions
            .OrderBy(a => a.Status == Actions.ActionStatus.Outstanding ? 0 : 1)
            .ThenBy(a => a.CreatedAt)
            .Select(a => new ActionView(a.Id, a.Title, a.OwnerId, a.OwnerName, a.Status, a.CreatedAt, a.CompletedAt, a.Kind, a.DueAt, a.Priority, a.NotDoingReason, a.TrackerUrl))
            .ToList();
        var services = await AffectedServiceReads.ForIncidentsAsync(db, [incident.Id], cancellationToken);
        var type = incident.TypeId is { } typeId && await db.IncidentTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId, cancellationToken) is { } t
            ? await IncidentTypes.IncidentTypeReads.ViewAsync(db, t, cancellationToken)
            : null;
        var s = incident.Severity;
        return new IncidentDetail(
            incident.Id, incident.Number, incident.Name, incident.Summary, incident.CustomerImpact, incident.Status,
            new SeverityView(s.Id, s.Name, s.Rank, s.Guidance, s.IsArchived, s.UpdateCadenceMinutes),
            incident.LeadId, incident.LeadName, incident.DeclaredById, incident.DeclaredAt,
            incident.ImpactStartedAt, incident.DetectedAt, incident.MitigatedAt, incident.ResolvedAt, incident.ClosedAt, incident.DeclinedAt,
            incident.LastUpdateAt, incident.Version, roles, actions,
            incident.Visibility,
            new CadenceView(incident.Reminder.CadenceMinutes, incident.Reminder.CadenceOverridden, incident.Reminder.DueAt, incident.Reminder.SnoozedUntil, incident.Reminder.LastNudgedAt),
            incident.PendingHandover is { } h
                ? new HandoverView(h.FromUserId, h.FromName, h.ToUserId, h.ToName, h.Note, h.OfferedById, h.OfferedByName, h.OfferedAt)
                : null)
        {
            Can = viewer is null ? IncidentPermissions.None : incident.PermissionsFor(viewer),
            Services = services.Of(incident.Id),
            Type = type,
            TypeDifferences = type is null
                ? []
                : IncidentTypes.IncidentTypeRules.Differences(
                    type, incident.IsPrivate, incident.SeverityId, incident.Severity.Name, incident.Reminder.CadenceMinutes,
                    incident.RoleAssignments.Select(r => r.RoleDefinitionId).ToHashSet()),
        };
    }

    /// <summary>The incident's timeline in the order things happened, newest first, a page at a time. Empty for an incident the viewer may not see.</summary>
    public Task<PagedResult<TimelineEntryView>> GetTimelineAsync(
        Actor viewer,
        int incidentId,
        bool highlightedOnly = false,
        int skip = 0,
        int take = 200,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return GetTimelineAsync(incidentId, viewer, highlightedOnly, skip, take, cancellationToken);
    }

    internal Task<PagedResult<TimelineEntryView>> GetTimelineAsync(
        int incidentId,
        bool highlightedOnly = false,
        int skip = 0,
        int take = 200,
        CancellationToken cancellationToken = default) =>
        GetTimelineAsync(incidentId, null, highlightedOnly, skip, take, cancellationToken);

    private async Task<PagedResult<TimelineEntryView>> GetTimelineAsync(
        int incidentId,
        Actor? viewer,
        bool highlightedOnly,
        int skip,
        int take,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = Visible(db, viewer).Where(i => i.Id == incidentId).Select(i => i.Id);
        var query = db.TimelineEntries.AsNoTracking().Where(e => visible.Contains(e.IncidentId));
        if (highlightedOnly)
        {
            query = query.Where(e => e.IsHighlighted);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(e => e.OccurredAt)
            .ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(take, 1, 1_000))
            .Select(TimelineEntryView.FromEntry)
            .ToListAsync(cancellationToken);
        items = [.. await Chat.ChatTimeline.AttachAsync(db, incidentId, items, cancellationToken)];
        return new PagedResult<TimelineEntryView>(items, total, take <= 0 ? 1 : (skip / Math.Max(1, take)) + 1, take);
    }

    /// <summary>Severities for pickers: the ones in use, most severe first.</summary>
    public async Task<IReadOnlyList<SeverityView>> GetSeveritiesAsync(bool includeArchived = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Severities.AsNoTracking()
            .Where(s => includeArchived || !s.IsArchived)
            .OrderByDescending(s => s.Rank)
            .Select(s => new SeverityView(s.Id, s.Name, s.Rank, s.Guidance, s.IsArchived, s.UpdateCadenceMinutes, s.Version))
            .ToListAsync(cancellationToken);
    }

    /// <summary>All incidents (viewer null: Core's own use) or those the viewer may see.</summary>
    private static IQueryable<Incident> Visible(IncidentHubDbContext db, Actor? viewer) =>
        viewer is null ? db.Incidents.AsNoTracking() : db.Incidents.AsNoTracking().VisibleTo(viewer, db);

    private static readonly System.Linq.Expressions.Expression<Func<Incident, IncidentListItem>> ToListItem = i => new IncidentListItem(
        i.Id, i.Number, i.Name, i.Status, i.SeverityId, i.Severity.Name, i.Severity.Rank, i.LeadId, i.LeadName, i.DeclaredAt, i.LastUpdateAt,
        i.ResolvedAt ?? i.DeclinedAt, i.Reminder.DueAt, i.Visibility == IncidentVisibility.Private)
    {
        Type = i.TypeId == null ? null : new IncidentTypes.IncidentTypeRef(i.Type!.Id, i.Type.Name),
    };

    internal static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);
}
