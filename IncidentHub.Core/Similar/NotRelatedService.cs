using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Similar;

/// <summary>
/// "Not related" on a similar-incident suggestion, and its undo, through the incident's own door (who may act on it,
/// the timeline, the event log). The other incident must be one the actor may see: nobody dismisses, or learns the
/// number of, an incident kept from them.
/// </summary>
public sealed class NotRelatedService(IncidentCommandRunner runner)
{
    /// <summary>Marks incident number <paramref name="otherNumber"/> as not related to <paramref name="incidentId"/>; marking it again changes nothing.</summary>
    public Task MarkAsync(Actor actor, int incidentId, int otherNumber, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var otherId = await OtherIdAsync(db, actor, otherNumber, cancellationToken);
            var existing = await FindAsync(db, incident.Id, otherId, cancellationToken);
            if (incident.MarkNotRelated(actor, otherId, otherNumber, existing, now) is { } mark)
            {
                db.NotRelatedMarks.Add(mark);
            }

            return true;
        }, cancellationToken);

    /// <summary>Takes the mark back: <paramref name="otherNumber"/> may be suggested again. Undoing what is not marked changes nothing.</summary>
    public Task UndoAsync(Actor actor, int incidentId, int otherNumber, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var otherId = await OtherIdAsync(db, actor, otherNumber, cancellationToken);
            if (await FindAsync(db, incident.Id, otherId, cancellationToken) is { } mark)
            {
                incident.UndoNotRelated(actor, mark, otherNumber, now);
                db.NotRelatedMarks.Remove(mark);
            }
            else
            {
                incident.PermissionsFor(actor).EnsureMarkNotRelated();
            }

            return true;
        }, cancellationToken);

    private static async Task<int> OtherIdAsync(IncidentHubDbContext db, Actor actor, int otherNumber, CancellationToken cancellationToken) =>
        await db.Incidents.AsNoTracking().VisibleTo(actor, db)
            .Where(i => i.Number == otherNumber)
            .Select(i => (int?)i.Id)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException($"There is no incident {IncidentReference.Format(otherNumber)} that you can see.");

    private static Task<NotRelatedMark?> FindAsync(IncidentHubDbContext db, int incidentId, int otherId, CancellationToken cancellationToken)
    {
        var lower = Math.Min(incidentId, otherId);
        var higher = Math.Max(incidentId, otherId);
        return db.NotRelatedMarks.SingleOrDefaultAsync(m => m.LowerIncidentId == lower && m.HigherIncidentId == higher, cancellationToken);
    }
}
