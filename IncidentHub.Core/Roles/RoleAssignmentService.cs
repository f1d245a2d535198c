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
            var user = await UserLookup.FindPersonAsync(db, userId, "UserId", cancellationToken);
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

    /// <summary>
    /// Offers the lead to <paramref name="request"/>'s person with a note; they accept it with
    /// <see cref="AcceptLeadAsync"/>. Naming yourself takes the lead at once.
    /// </summary>
    public Task OfferLeadAsync(Actor actor, int incidentId, OfferLeadRequest request, string expectedLeadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        return runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var role = await LeadRoleAsync(db, cancellationToken);
            var user = request.UserId == actor.UserId
                ? new UserRef(actor.UserId, actor.DisplayName)
                : await UserLookup.FindPersonAsync(db, request.UserId, nameof(request.UserId), cancellationToken);
            incident.OfferLead(actor, role, user, request.Note, expectedLeadId, now);
            return true;
        }, cancellationToken);
    }

    /// <summary>"I have it": the person the lead was offered to takes it.</summary>
    /// <param name="expectedFromUserId">The lead who offered it, as the accepter saw it.</param>
    public Task AcceptLeadAsync(Actor actor, int incidentId, string expectedFromUserId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            incident.AcceptLead(actor, await LeadRoleAsync(db, cancellationToken), expectedFromUserId, now);
            return true;
        }, cancellationToken);

    /// <summary>Ends a pending hand-over: "not now" from the incoming lead, or withdrawn by the lead or an admin.</summary>
    public Task WithdrawHandoverAsync(Actor actor, int incidentId, string expectedToUserId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, (_, incident, now) => incident.WithdrawHandover(actor, expectedToUserId, now), cancellationToken);

    private static Task<RoleDefinition> LeadRoleAsync(IncidentHubDbContext db, CancellationToken cancellationToken) =>
        db.RoleDefinitions.SingleAsync(r => r.Kind == IncidentRoleKind.Lead, cancellationToken);

    private static async Task<RoleDefinition> FindRoleAsync(IncidentHubDbContext db, int roleDefinitionId, CancellationToken cancellationToken) =>
        await db.RoleDefinitions.SingleOrDefaultAsync(r => r.Id == roleDefinitionId, cancellationToken)
        ?? throw ValidationFailedException.For("RoleDefinitionId", "That role does not exist any more.");
}
