using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Users;

/// <summary>Finds the people that commands name (a new lead, a role holder, an action owner).</summary>
internal static class UserLookup
{
    /// <summary>
    /// An active account, or a validation error on <paramref name="field"/>. Anyone may hold a role on an incident,
    /// Viewers included: the role lets them act on that incident (<see cref="IncidentPermissions.Respond"/>).
    /// </summary>
    public static async Task<UserRef> FindPersonAsync(IncidentHubDbContext db, string userId, string field, CancellationToken cancellationToken) =>
        (await FindAsync(db, userId, field, cancellationToken)).Ref;

    /// <summary>
    /// An active account that could act on <paramref name="incident"/> (a responder, an admin, or someone holding a role
    /// on it), or a validation error on <paramref name="field"/>: an action or follow-up owner, a review owner or reviewer must be able to act on the incident.
    /// </summary>
    public static async Task<UserRef> FindWhoCanActAsync(IncidentHubDbContext db, Incident incident, string userId, string field, CancellationToken cancellationToken)
    {
        var (person, role) = await FindAsync(db, userId, field, cancellationToken);
        if (!incident.PermissionsFor(new Actor(person.Id, person.DisplayName, role)).Respond)
        {
            throw ValidationFailedException.For(field,
                $"{person.DisplayName} is a Viewer with no role on this incident, so they could not act on it. Give them a role on it first, or ask an admin to make them a Responder.");
        }

        return person;
    }

    private static async Task<(UserRef Ref, AppRole Role)> FindAsync(IncidentHubDbContext db, string userId, string field, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.Role, u.IsActive })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null || !user.IsActive)
        {
            throw ValidationFailedException.For(field, "That person does not have an active IncidentHub account.");
        }

        return (new UserRef(user.Id, user.DisplayName), user.Role);
    }
}
