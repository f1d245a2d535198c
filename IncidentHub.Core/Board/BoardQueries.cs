using IncidentHub.Core.Access;
using IncidentHub.Core.AffectedServices;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.StatusPage;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Board;

/// <summary>
/// The support board: what is broken, in plain words, for people who answer customers. Active incidents largest
/// first, with what customers experience, the latest update, what support may tell customers (the published
/// customer-facing text, when there is one), when the next update is due; then what was resolved in the last day.
/// </summary>
public sealed class BoardQueries(IDbContextFactory<IncidentHubDbContext> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan ResolvedWindow = TimeSpan.FromHours(24);

    public async Task<BoardView> GetBoardAsync(Actor viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var since = time.GetUtcNow() - ResolvedWindow;
        var active = IncidentStatuses.Active.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.Incidents.AsNoTracking()
            .VisibleTo(viewer, db)
            .Where(i => active.Contains(i.Status) || (i.Status == IncidentStatus.Resolved || i.Status == IncidentStatus.Closed) && i.ResolvedAt >= since)
            .OrderByDescending(i => i.Severity.Rank).ThenByDescending(i => i.DeclaredAt)
            .Select(i => new
            {
                i.Id,
                i.Number,
                i.Name,
                Severity = i.Severity.Name,
                i.Severity.Rank,
                i.Status,
                i.CustomerImpact,
                i.DeclaredAt,
                i.ResolvedAt,
                i.LeadName,
                DueAt = i.Reminder.DueAt,
                Private = i.Visibility == IncidentVisibility.Private,
                TypeName = i.Type == null ? null : i.Type.Name,
            })
            .ToListAsync(cancellationToken);
        var ids = items.Select(i => i.Id).ToList();

        // Whom support checks with before saying more: the communications lead, or the incident lead when there is none.
        var communications = (await db.RoleAssignments.AsNoTracking()
                .Where(r => ids.Contains(r.IncidentId) && r.EndedAt == null && r.RoleDefinition.Kind == IncidentRoleKind.CommunicationsLead)
                .Select(r => new { r.IncidentId, r.UserName })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.IncidentId).ToDictionary(g => g.Key, g => g.First().UserName);
        var services = await AffectedServiceReads.ForIncidentsAsync(db, ids, cancellationToken);
        var resolvedNotices = await db.PublicNotices.AsNoTracking()
            .Where(n => ids.Contains(n.IncidentId) && n.FirstPublishedAt != null)
            .Select(n => new { n.IncidentId, n.ResolvedAt })
            .ToDictionaryAsync(n => n.IncidentId, n => n.ResolvedAt != null, cancellationToken);

        // The newest internal update and the newest public update of each incident (ties: the later row).
        var latest = (await db.IncidentUpdates.AsNoTracking()
                .Where(u => ids.Contains(u.IncidentId))
                .Where(u => u.PostedAt == db.IncidentUpdates.Where(x => x.IncidentId == u.IncidentId).Max(x => x.PostedAt))
                .Select(u => new { u.IncidentId, u.Id, u.Message, u.PostedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(u => u.IncidentId).ToDictionary(g => g.Key, g => g.MaxBy(u => u.Id)!);
        var published = (await db.PublicUpdates.AsNoTracking()
                .Join(db.PublicNotices, u => u.NoticeId, n => n.Id, (u, n) => new { n.IncidentId, u.Id, u.NoticeId, u.Title, u.Message, u.Status, u.PublishedAt })
                .Where(u => ids.Contains(u.IncidentId))
                .Where(u => u.PublishedAt == db.PublicUpdates.Where(x => x.NoticeId == u.NoticeId).Max(x => x.PublishedAt))
                .ToListAsync(cancellationToken))
            .GroupBy(u => u.IncidentId).ToDictionary(g => g.Key, g => g.MaxBy(u => u.Id)!);

        var board = items.Select(i =>
            {
                latest.TryGetValue(i.Id, out var update);
                published.TryGetValue(i.Id, out var notice);
                var standing = !resolvedNotices.TryGetValue(i.Id, out var publicResolved) ? PublicStanding.NeverPublic
                    : publicResolved ? PublicStanding.Resolved : PublicStanding.Open;
                var contact = communications.TryGetValue(i.Id, out var comms)
                    ? new BoardContact(comms, "communications lead")
                    : new BoardContact(i.LeadName, "incident lead");
                return new BoardItem(
                    i.Number, i.Name, i.Severity, i.Rank, i.Status, i.CustomerImpact,
                    update?.Message, update?.PostedAt,
                    notice?.Title, notice?.Message, notice?.Status, notice?.PublishedAt,
                    i.DueAt, i.DeclaredAt, i.ResolvedAt, i.Private)
                {
                    Contact = contact,
                    Standing = standing,
                    Services = services.Of(i.Id),
                    TypeName = i.TypeName,
                };
            })
            .ToList();
        return new BoardView(board.Where(b => b.Status.IsActive()).ToList(), board.Where(b => !b.Status.IsActive()).OrderByDescending(b => b.ResolvedAt).ToList());
    }
}

public sealed record BoardView(IReadOnlyList<BoardItem> Active, IReadOnlyList<BoardItem> RecentlyResolved);

public sealed record BoardItem(
    int Number,
    string Name,
    string SeverityName,
    int SeverityRank,
    IncidentStatus Status,
    string CustomerImpact,
    string? LatestUpdate,
    DateTimeOffset? LatestUpdateAt,
    string? PublicTitle,
    string? PublicMessage,
    PublicStatus? PublicStatus,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? NextUpdateDue,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ResolvedAt,
    bool IsPrivate)
{
    public string Reference => IncidentReference.Format(Number);

    public TimeSpan OpenFor(DateTimeOffset now) => IncidentRules.OpenFor(DeclaredAt, ResolvedAt, now);

    /// <summary>Whom support checks with before telling customers more.</summary>
    public BoardContact Contact { get; init; } = new("the incident lead", "incident lead");

    /// <summary>Where the incident is on the public status page, so the board never says "fixed" where the page does not.</summary>
    public PublicStanding Standing { get; init; }

    /// <summary>The services it affects, in the admins' order.</summary>
    public IReadOnlyList<AffectedServiceView> Services { get; init; } = [];

    /// <summary>Its type's name (null when it has none).</summary>
    public string? TypeName { get; init; }
}

/// <summary>A person support can ask, and why them: "Sam Carter", "communications lead".</summary>
public sealed record BoardContact(string Name, string Role);

/// <summary>An incident on the public status page: never there, there and still open, or there and resolved.</summary>
public enum PublicStanding
{
    NeverPublic,
    Open,
    Resolved,
}
