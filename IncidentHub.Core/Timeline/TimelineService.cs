using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Timeline;

/// <summary>Notes and key events on an incident's timeline.</summary>
public sealed class TimelineService(IncidentCommandRunner runner)
{
    public async Task<long> AddNoteAsync(Actor actor, int incidentId, AddNoteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        var entry = await runner.RunAsync(actor, incidentId, (_, incident, now) => Task.FromResult(incident.AddNote(actor, request, now)), cancellationToken);
        return entry.Id;
    }

    /// <summary>Marks an entry as a key event (or not). Setting the value it already has changes nothing.</summary>
    public Task SetHighlightAsync(Actor actor, int incidentId, long entryId, bool highlighted, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var entry = await db.TimelineEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.IncidentId == incidentId, cancellationToken)
                ?? throw new NotFoundException("That timeline entry no longer exists.");
            incident.MarkKeyEvent(actor, entry, highlighted, now);
            return true;
        }, cancellationToken);
}
