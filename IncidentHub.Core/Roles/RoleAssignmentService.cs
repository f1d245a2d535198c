using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Roles;

/// <summary>
/// Who holds which role on an incident; lead changes are hand-overs. The new holder hears of it from the
/// notifications consumer, which reacts to the role events.
/// </summary>
public sealed class RoleAssignmentService(IncidentCommandRunner runner)
{
    /// <param name="expectedHolderId">Who the assigner saw holding the role; null for nobody.</param>
    public Task AssignAsync(Actor actor, int incidentId, int roleDefinitionId, string userId, string? expectedHolderId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var role = await FindRoleAsync(db, roleDefinitionId, cancellationToken);
            var user = await UserLookup.FindResponderAsync(db, userId, "UserId", cancellationToken);
            incident.AssignRole(actor, role, user, expectedHolderId, now);
            return true;
        }, cancellationToken);

    public Task UnassignAsync(Actor actor, int incidentId, int roleDefinitionId, string expectedHolderId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var role = await FindRoleAsync(db, roleDefinitionId, cancellationToken);
            incident.UnassignRole(actor, role, expectedHolderId, now);
            return true;
        }, cancellationToken);

    /// <summary>Hands the lead to <paramref name="userId"/>.</summary>
    public Task HandOverLeadAsync(Actor actor, int incidentId, string userId, string expectedLeadId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var role = await db.RoleDefinitions.SingleAsync(r => r.Kind == IncidentRoleKind.Lead, cancellationToken);
            var user = await UserLookup.FindResponderAsync(db, userId, "UserId", cancellationToken);
            incident.AssignRole(actor, role, user, expectedLeadId, now);
            return true;
        }, cancellationToken);

    private static async Task<RoleDefinition> FindRoleAsync(IncidentHubDbContext db, int roleDefinitionId, CancellationToken cancellationToken) =>
        await db.RoleDefinitions.SingleOrDefaultAsync(r => r.Id == roleDefinitionId, cancellationToken)
        ?? throw ValidationFailedException.For("RoleDefinitionId", "That role does not exist any more.");
}
