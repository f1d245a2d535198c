using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Users;

namespace IncidentHub.Core.FollowUps;

/// <summary>Follow-ups: added directly or from the review, kept from an outstanding action, planned, done or dropped with a reason.</summary>
public sealed class FollowUpService(IncidentCommandRunner runner)
{
    public async Task<int> AddAsync(Actor actor, int incidentId, AddFollowUpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        var followUp = await runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var owner = string.IsNullOrEmpty(request.OwnerId)
                ? null
                : await UserLookup.FindWhoCanActAsync(db, incident, request.OwnerId, nameof(request.OwnerId), cancellationToken);
            return incident.AddFollowUp(actor, request, owner, now);
        }, cancellationToken);
        return followUp.Id;
    }

    public Task KeepAsFollowUpAsync(Actor actor, int incidentId, int actionId, DateTimeOffset? dueAt = null, FollowUpPriority priority = FollowUpPriority.Medium, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, (_, incident, now) => incident.KeepAsFollowUp(actor, actionId, dueAt, priority, now), cancellationToken);

    public Task PlanAsync(Actor actor, int incidentId, int actionId, PlanFollowUpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        return runner.RunAsync(actor, incidentId, (_, incident, now) => incident.PlanFollowUp(actor, actionId, request, now), cancellationToken);
    }

    public Task DropAsync(Actor actor, int incidentId, int actionId, ActionStatus expectedStatus, string reason, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, (_, incident, now) => incident.DropAction(actor, actionId, expectedStatus, reason, now), cancellationToken);
}
