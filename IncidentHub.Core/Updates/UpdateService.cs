using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;

namespace IncidentHub.Core.Updates;

/// <summary>Posting updates: the structured "where are we" that everyone reads.</summary>
public sealed class UpdateService(IncidentCommandRunner runner)
{
    /// <returns>The id of the new update.</returns>
    public async Task<long> PostUpdateAsync(Actor actor, int incidentId, PostUpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        var update = await runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var severity = request.NewSeverityId is { } id && id != incident.SeverityId
                ? await IncidentService.FindSeverityAsync(db, id, cancellationToken)
                : null;
            return incident.PostUpdate(actor, request, severity, now);
        }, cancellationToken);
        return update.Id;
    }
}
