using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Users;

/// <summary>Finds the people that commands name (a new lead, an action owner).</summary>
internal static class UserLookup
{
    /// <summary>An active user who can run incidents, or a validation error on <paramref name="field"/>.</summary>
    public static async Task<UserRef> FindResponderAsync(IncidentHubDbContext db, string userId, string field, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.Role, u.IsActive })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null || !user.IsActive)
        {
            throw ValidationFailedException.For(field, "That person does not have an active IncidentHub account.");
        }

        if (user.Role == AppRole.Viewer)
        {
            throw ValidationFailedException.For(field,
                $"{user.DisplayName} is a Viewer and could not act on the incident. Ask an admin to make them a Responder first.");
        }

        return new UserRef(user.Id, user.DisplayName);
    }
}
