using System.Linq.Expressions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Access;

/// <summary>
/// Who may see an incident. A standard incident: everyone signed in. A private one: admins, anyone who holds a role on
/// it, anyone who held one unless the lead took that access away, anyone asked to take the lead, and anyone its lead let in. For everyone else a private incident does not exist: the same answer, the
/// same message, as for a reference nobody ever declared.
/// </summary>
public static class IncidentAccessRules
{
    public const string NotFoundMessage = "That incident does not exist.";

    /// <summary>The incidents <paramref name="viewer"/> may see, for a database query.</summary>
    public static Expression<Func<Incident, bool>> VisibleTo(Actor viewer, IncidentHubDbContext db)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(db);
        if (viewer.IsAdmin)
        {
            return i => true;
        }

        var userId = viewer.UserId;
        var grants = db.IncidentAccessGrants;
        return i => i.Visibility == IncidentVisibility.Standard
            || i.RoleAssignments.Any(r => r.UserId == userId && r.AccessRemovedAt == null)
            || (i.PendingHandover != null && i.PendingHandover.ToUserId == userId)
            || grants.Any(g => g.IncidentId == i.Id && g.UserId == userId && g.RevokedAt == null);
    }

    public static IQueryable<Incident> VisibleTo(this IQueryable<Incident> incidents, Actor viewer, IncidentHubDbContext db) =>
        incidents.Where(VisibleTo(viewer, db));

    public static async Task<bool> CanSeeAsync(IncidentHubDbContext db, Actor viewer, int incidentId, CancellationToken cancellationToken) =>
        viewer.IsSystem || await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).VisibleTo(viewer, db).AnyAsync(cancellationToken);

    /// <summary>
    /// Holds (or held, and still may see) a role on it: "on the incident", as opposed to being let in or being an admin.
    /// </summary>
    public static Task<bool> IsOnIncidentAsync(IncidentHubDbContext db, string userId, int incidentId, CancellationToken cancellationToken) =>
        db.RoleAssignments.AnyAsync(r => r.IncidentId == incidentId && r.UserId == userId && r.AccessRemovedAt == null, cancellationToken);
}
