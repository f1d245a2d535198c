using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Roles;

/// <summary>Who holds which role on an incident; lead changes are hand-overs.</summary>
public sealed class RoleAssignmentService(IncidentCommandRunner runner, INotificationFeed notifications)
{
    /// <param name="expectedHolderId">Who the assigner saw holding the role; null for nobody.</param>
    public async Task AssignAsync(Actor actor, int incidentId, int roleDefinitionId, string userId, string? expectedHolderId, CancellationToken cancellationToken = default)
    {
        var notice = await runner.RunAsync(actor, incidentId, IncidentChangeKind.RolesChanged, async (db, incident, now) =>
        {
            var role = await FindRoleAsync(db, roleDefinitionId, cancellationToken);
            var user = await UserLookup.FindResponderAsync(db, userId, "UserId", cancellationToken);
            incident.AssignRole(actor, role, user, expectedHolderId, now);
            return Notify(db, actor, incident, user, role, now);
        }, cancellationToken);
        Publish(notice);
    }

    public Task UnassignAsync(Actor actor, int incidentId, int roleDefinitionId, string expectedHolderId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, IncidentChangeKind.RolesChanged, async (db, incident, now) =>
        {
            var role = await FindRoleAsync(db, roleDefinitionId, cancellationToken);
            incident.UnassignRole(actor, role, expectedHolderId, now);
            return true;
        }, cancellationToken);

    /// <summary>Hands the lead to <paramref name="userId"/>.</summary>
    public async Task HandOverLeadAsync(Actor actor, int incidentId, string userId, string expectedLeadId, CancellationToken cancellationToken = default)
    {
        var notice = await runner.RunAsync(actor, incidentId, IncidentChangeKind.RolesChanged, async (db, incident, now) =>
        {
            var role = await db.RoleDefinitions.SingleAsync(r => r.Kind == IncidentRoleKind.Lead, cancellationToken);
            var user = await UserLookup.FindResponderAsync(db, userId, "UserId", cancellationToken);
            incident.AssignRole(actor, role, user, expectedLeadId, now);
            return Notify(db, actor, incident, user, role, now);
        }, cancellationToken);
        Publish(notice);
    }

    /// <summary>Tells the new holder (unless they gave the role to themselves), in the same save as the change.</summary>
    private static NotificationNotice? Notify(IncidentHubDbContext db, Actor actor, Incident incident, UserRef user, RoleDefinition role, DateTimeOffset now)
    {
        if (user.Id == actor.UserId)
        {
            return null;
        }

        db.Notifications.Add(new Notification(user.Id, NotificationKind.RoleAssigned, incident.Id, now, role.Name));
        return new NotificationNotice(user.Id, NotificationKind.RoleAssigned, incident.Id, incident.Number, incident.Name, role.Name);
    }

    private void Publish(NotificationNotice? notice)
    {
        if (notice is not null)
        {
            notifications.Publish(notice);
        }
    }

    private static async Task<RoleDefinition> FindRoleAsync(IncidentHubDbContext db, int roleDefinitionId, CancellationToken cancellationToken) =>
        await db.RoleDefinitions.SingleOrDefaultAsync(r => r.Id == roleDefinitionId, cancellationToken)
        ?? throw ValidationFailedException.For("RoleDefinitionId", "That role does not exist any more.");
}
