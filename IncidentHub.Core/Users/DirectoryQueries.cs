using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Users;

/// <summary>People, for pickers and the users page.</summary>
public sealed class DirectoryQueries(IDbContextFactory<IncidentHubDbContext> dbFactory)
{
    /// <summary>Active people who can run incidents: the choices for lead, roles and action owners.</summary>
    public async Task<IReadOnlyList<UserRef>> GetRespondersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Role != AppRole.Viewer)
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
