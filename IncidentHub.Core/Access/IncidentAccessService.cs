using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Access;

/// <summary>
/// Private incidents: making one private, letting people in, answering their requests, and the access log the lead
/// and admins read. Every grant, refusal and view by someone not on the incident is logged.
/// </summary>
public sealed class IncidentAccessService(
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    IncidentCommandRunner runner,
    IncidentEventPipeline pipeline,
    TimeProvider time)
{
    public Task ChangeVisibilityAsync(Actor actor, int incidentId, IncidentVisibility visibility, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var published = await db.PublicNotices.AnyAsync(n => n.IncidentId == incident.Id && n.FirstPublishedAt != null, cancellationToken);
            var before = incident.Visibility;
            incident.ChangeVisibility(actor, visibility, published, now);
            if (before != incident.Visibility)
            {
                db.IncidentAccessLog.Add(new IncidentAccessLogEntry(incident.Id,
                    visibility == IncidentVisibility.Private ? AccessLogKind.MadePrivate : AccessLogKind.MadeStandard,
                    actor.UserId, actor.DisplayName, actor.DisplayName, now));
            }

            return true;
        }, cancellationToken);

    /// <summary>The lead lets someone in without giving them a role.</summary>
    public Task InviteAsync(Actor actor, int incidentId, string userId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            incident.EnsureCanManageAccess(actor);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
                .Select(u => new { u.Id, u.DisplayName, u.Role }).SingleOrDefaultAsync(cancellationToken)
                ?? throw ValidationFailedException.For("UserId", "That person does not have an active IncidentHub account.");
            if (user.Role == AppRole.Admin || await IncidentAccessRules.CanSeeAsync(db, new Actor(user.Id, user.DisplayName, user.Role), incident.Id, cancellationToken))
            {
                throw new DomainException($"{user.DisplayName} can already see this incident.");
            }

            await GrantAsync(db, actor, incident, user.Id, user.DisplayName, now, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>The lead answers a request: let them in, or not.</summary>
    public Task DecideAsync(Actor actor, int incidentId, long requestId, bool grant, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            incident.EnsureCanManageAccess(actor);
            var request = await db.IncidentAccessRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.IncidentId == incident.Id, cancellationToken)
                ?? throw new NotFoundException("That request no longer exists.");
            if (request.Status != AccessRequestStatus.Pending)
            {
                throw new ConflictException($"Someone already answered {request.UserName}'s request ({request.Status.ToString().ToLowerInvariant()}).");
            }

            if (!grant)
            {
                incident.RefuseAccess(actor, request.UserId, request.UserName, now);
                request.Decide(AccessRequestStatus.Refused, actor.UserId, now);
                db.IncidentAccessLog.Add(new IncidentAccessLogEntry(incident.Id, AccessLogKind.Refused, request.UserId, request.UserName, actor.DisplayName, now));
                return true;
            }

            await GrantAsync(db, actor, incident, request.UserId, request.UserName, now, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Takes away someone's access to a private incident, however they had it: let in by the lead, or a role they held
    /// once. Refused for admins (they see every incident) and for current role holders. Logged.
    /// </summary>
    public Task RemoveAccessAsync(Actor actor, int incidentId, string userId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.DisplayName, u.Role }).SingleOrDefaultAsync(cancellationToken);
            var grants = await db.IncidentAccessGrants
                .Where(g => g.IncidentId == incident.Id && g.UserId == userId && g.RevokedAt == null)
                .ToListAsync(cancellationToken);
            var formerRoles = await db.RoleAssignments
                .Where(r => r.IncidentId == incident.Id && r.UserId == userId && r.EndedAt != null && r.AccessRemovedAt == null)
                .ToListAsync(cancellationToken);
            var name = account?.DisplayName ?? grants.Select(g => g.UserName).Concat(formerRoles.Select(r => r.UserName)).FirstOrDefault() ?? "That person";
            incident.EnsureCanRemoveAccess(actor, userId, name);
            if (account?.Role == AppRole.Admin)
            {
                throw new DomainException($"{name} is an admin, and admins can see every private incident. An admin can change their role on the Users page.");
            }

            if (grants.Count == 0 && formerRoles.Count == 0)
            {
                throw new ConflictException($"{name} already cannot see this incident.");
            }

            incident.RemoveAccess(actor, userId, name, grants, formerRoles, now);
            db.IncidentAccessLog.Add(new IncidentAccessLogEntry(incident.Id, AccessLogKind.Revoked, userId, name, actor.DisplayName, now));
            return true;
        }, cancellationToken);

    public Task RevokeAsync(Actor actor, int incidentId, long grantId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            incident.EnsureCanManageAccess(actor);
            var grant = await db.IncidentAccessGrants.SingleOrDefaultAsync(g => g.Id == grantId && g.IncidentId == incident.Id && g.RevokedAt == null, cancellationToken)
                ?? throw new ConflictException("That person's access was already taken away.");
            incident.RevokeAccess(actor, grant, now);
            db.IncidentAccessLog.Add(new IncidentAccessLogEntry(incident.Id, AccessLogKind.Revoked, grant.UserId, grant.UserName, actor.DisplayName, now));
            return true;
        }, cancellationToken);

    /// <summary>
    /// Asks to see incident <paramref name="number"/>. The caller learns nothing: whether it exists, is private or is
    /// already visible, the answer is the same. A real request reaches the incident's lead.
    /// </summary>
    public async Task RequestAsync(Actor actor, int number, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if ((reason?.Length ?? 0) > TextLimits.Reason)
        {
            throw ValidationFailedException.For("Reason", TextLimits.TooLong("the reason", TextLimits.Reason, reason!.Length));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await pipeline.SaveAsync(db, async (_, ct) =>
        {
            var incident = await db.Incidents
                .SingleOrDefaultAsync(i => i.Number == number && i.Visibility == IncidentVisibility.Private, ct);
            if (incident is null
                || await IncidentAccessRules.CanSeeAsync(db, actor, incident.Id, ct)
                || await db.IncidentAccessRequests.AnyAsync(r => r.IncidentId == incident.Id && r.UserId == actor.UserId && r.Status == AccessRequestStatus.Pending, ct))
            {
                return false;
            }

            // The lead hears of it from the notifications consumer, which reacts to the event.
            var now = time.GetUtcNow();
            incident.RecordAccessRequest(actor, now);
            db.IncidentAccessRequests.Add(new IncidentAccessRequest(incident.Id, actor.UserId, actor.DisplayName, reason?.Trim(), now));
            db.IncidentAccessLog.Add(new IncidentAccessLogEntry(incident.Id, AccessLogKind.Requested, actor.UserId, actor.DisplayName, actor.DisplayName, now));
            return true;
        }, cancellationToken);
    }

    /// <summary>Logs that someone who is not on a private incident (an admin, or someone let in) opened it.</summary>
    public async Task RecordViewAsync(Actor actor, int incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var isPrivate = await db.Incidents.AnyAsync(i => i.Id == incidentId && i.Visibility == IncidentVisibility.Private, cancellationToken);
        if (!isPrivate
            || !await IncidentAccessRules.CanSeeAsync(db, actor, incidentId, cancellationToken)
            || await IncidentAccessRules.IsOnIncidentAsync(db, actor.UserId, incidentId, cancellationToken))
        {
            return;
        }

        db.IncidentAccessLog.Add(new IncidentAccessLogEntry(incidentId, AccessLogKind.Viewed, actor.UserId, actor.DisplayName, actor.DisplayName, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Requests, grants and the log: for the lead and admins only (null for anyone else).</summary>
    public async Task<AccessView?> GetAccessAsync(Actor actor, int incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new { i.LeadId, i.Visibility }).SingleOrDefaultAsync(cancellationToken);
        if (incident is null || !(actor.IsAdmin || actor.UserId == incident.LeadId))
        {
            return null;
        }

        var requests = await db.IncidentAccessRequests.AsNoTracking()
            .Where(r => r.IncidentId == incidentId && r.Status == AccessRequestStatus.Pending)
            .OrderBy(r => r.RequestedAt)
            .Select(r => new AccessRequestView(r.Id, r.UserId, r.UserName, r.Reason, r.RequestedAt))
            .ToListAsync(cancellationToken);
        var grants = await db.IncidentAccessGrants.AsNoTracking()
            .Where(g => g.IncidentId == incidentId && g.RevokedAt == null)
            .OrderBy(g => g.UserName)
            .Select(g => new AccessGrantView(g.Id, g.UserId, g.UserName, g.GrantedAt))
            .ToListAsync(cancellationToken);
        var people = await PeopleAsync(db, incidentId, cancellationToken);
        var log = await db.IncidentAccessLog.AsNoTracking()
            .Where(e => e.IncidentId == incidentId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(200)
            .Select(e => new AccessLogView(e.Kind, e.UserName, e.ActorName, e.At))
            .ToListAsync(cancellationToken);
        return new AccessView(incident.Visibility == IncidentVisibility.Private, requests, grants, log) { People = people };
    }

    /// <summary>Everyone who sees the incident because of it (not admins as such): why, and whether that can be taken away.</summary>
    private static async Task<IReadOnlyList<AccessPersonView>> PeopleAsync(IncidentHubDbContext db, int incidentId, CancellationToken cancellationToken)
    {
        var roles = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.IncidentId == incidentId && r.AccessRemovedAt == null)
            .Select(r => new { r.UserId, r.UserName, Role = r.RoleDefinition.Name, Current = r.EndedAt == null })
            .ToListAsync(cancellationToken);
        var grants = await db.IncidentAccessGrants.AsNoTracking()
            .Where(g => g.IncidentId == incidentId && g.RevokedAt == null)
            .Select(g => new { g.UserId, g.UserName })
            .ToListAsync(cancellationToken);
        var ids = roles.Select(r => r.UserId).Concat(grants.Select(g => g.UserId)).Distinct().ToList();
        var admins = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Role == AppRole.Admin).Select(u => u.Id).ToListAsync(cancellationToken);
        return ids.Select(id =>
            {
                var current = roles.Where(r => r.UserId == id && r.Current).Select(r => r.Role).Distinct().ToList();
                var former = roles.Where(r => r.UserId == id && !r.Current).Select(r => r.Role).Where(r => !current.Contains(r)).Distinct().ToList();
                var name = roles.Where(r => r.UserId == id).Select(r => r.UserName).Concat(grants.Where(g => g.UserId == id).Select(g => g.UserName)).First();
                var why = string.Join("; ", new[]
                {
                    current.Count > 0 ? string.Join(", ", current) : "",
                    former.Count > 0 ? "was " + string.Join(", ", former) : "",
                    grants.Any(g => g.UserId == id) ? "let in" : "",
                }.Where(p => p.Length > 0));
                var keeps = current.Count > 0 ? "keeps access while holding a role" : admins.Contains(id) ? "an admin: sees every incident" : null;
                return new AccessPersonView(id, name, why, keeps is null, keeps);
            })
            .OrderBy(p => p.CanRemove).ThenBy(p => p.UserName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    private static async Task GrantAsync(IncidentHubDbContext db, Actor actor, Incident incident, string userId, string userName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.IncidentAccessGrants.Add(incident.GrantAccess(actor, userId, userName, now));
        foreach (var pending in await db.IncidentAccessRequests.Where(r => r.IncidentId == incident.Id && r.UserId == userId && r.Status == AccessRequestStatus.Pending).ToListAsync(cancellationToken))
        {
            pending.Decide(AccessRequestStatus.Granted, actor.UserId, now);
        }

        db.IncidentAccessLog.Add(new IncidentAccessLogEntry(incident.Id, AccessLogKind.Granted, userId, userName, actor.DisplayName, now));
    }
}

public sealed record AccessView(bool IsPrivate, IReadOnlyList<AccessRequestView> Requests, IReadOnlyList<AccessGrantView> Grants, IReadOnlyList<AccessLogView> Log)
{
    /// <summary>Who sees it because of a role (now or before) or because they were let in; admins aside.</summary>
    public IReadOnlyList<AccessPersonView> People { get; init; } = [];
}

/// <summary>
/// Someone who can see a private incident and why ("Scribe", "was Incident Lead", "let in"). <see cref="KeptBecause"/>
/// says why their access cannot be taken away (a current role, or an admin), when it cannot.
/// </summary>
public sealed record AccessPersonView(string UserId, string UserName, string Why, bool CanRemove, string? KeptBecause);

public sealed record AccessRequestView(long Id, string UserId, string UserName, string? Reason, DateTimeOffset RequestedAt);

public sealed record AccessGrantView(long Id, string UserId, string UserName, DateTimeOffset GrantedAt);

public sealed record AccessLogView(AccessLogKind Kind, string UserName, string ActorName, DateTimeOffset At)
{
    public string Text => Kind switch
    {
        AccessLogKind.Requested => $"{UserName} asked to see it",
        AccessLogKind.Granted => $"{ActorName} let {UserName} in",
        AccessLogKind.Refused => $"{ActorName} refused {UserName}'s request",
        AccessLogKind.Revoked => $"{ActorName} took away {UserName}'s access",
        AccessLogKind.Viewed => $"{UserName} opened it (not on the incident)",
        AccessLogKind.MadePrivate => $"{ActorName} made it private",
        AccessLogKind.MadeStandard => $"{ActorName} made it visible to everyone",
        _ => Kind.ToString(),
    };
}
