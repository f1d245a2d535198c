using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Users;

namespace IncidentHub.Core.Actions;

/// <summary>Actions during an incident: who is doing what.</summary>
public sealed class ActionService(IncidentCommandRunner runner)
{
    public async Task<int> AddAsync(Actor actor, int incidentId, AddActionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        var action = await runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var owner = string.IsNullOrEmpty(request.OwnerId)
                ? null
                : await UserLookup.FindWhoCanActAsync(db, incident, request.OwnerId, nameof(request.OwnerId), cancellationToken);
            return incident.AddAction(actor, request, owner, now);
        }, cancellationToken);
        return action.Id;
    }

    public Task ChangeStatusAsync(Actor actor, int incidentId, int actionId, ActionStatus expectedStatus, ActionStatus newStatus, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, (_, incident, now) => incident.ChangeActionStatus(actor, actionId, expectedStatus, newStatus, now), cancellationToken);

    public Task ChangeOwnerAsync(Actor actor, int incidentId, int actionId, string? expectedOwnerId, string? ownerId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var owner = string.IsNullOrEmpty(ownerId)
                ? null
                : await UserLookup.FindWhoCanActAsync(db, incident, ownerId, "OwnerId", cancellationToken);
            incident.ChangeActionOwner(actor, actionId, expectedOwnerId, owner, now);
            return true;
        }, cancellationToken);
}
