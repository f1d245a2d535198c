using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Users;

/// <summary>People, for pickers and the users page.</summary>
public sealed class DirectoryQueries(IDbContextFactory<IncidentHubDbContext> dbFactory)
{
    /// <summary>Active people who can run every incident they may see: responders and admins.</summary>
    public async Task<IReadOnlyList<UserRef>> GetRespondersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Role != AppRole.Viewer)
            .OrderBy(u => u.DisplayName)
            .Select(u => new UserRef(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Every active person: the choices for the lead and the other roles. Anyone may hold a role, Viewers included; it
    /// lets them act on that incident.
    /// </summary>
    public async Task<IReadOnlyList<UserRef>> GetPeopleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive)
            .OrderBy(u => u.DisplayName)
            .Select(u => new UserRef(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Who may own an action on the incident: active responders and admins, and the people holding a role on it (a
    /// Viewer among them acts on it), the same rule <see cref="Actions.ActionService"/> checks.
    /// </summary>
    public async Task<IReadOnlyList<UserRef>> GetActionOwnersAsync(int incidentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (u.Role != AppRole.Viewer
                || db.RoleAssignments.Any(r => r.IncidentId == incidentId && r.UserId == u.Id && r.EndedAt == null)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new UserRef(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserSummary>> GetUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new UserSummary(u.Id, u.DisplayName, u.Email ?? "", u.Role, u.IsActive))
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> AnyUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }
}

public sealed record UserSummary(string Id, string DisplayName, string Email, AppRole Role, bool IsActive);
