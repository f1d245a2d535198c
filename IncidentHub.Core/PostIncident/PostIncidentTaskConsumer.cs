using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.PostIncident;

/// <summary>
/// Hands out an incident's post-incident tasks when it is resolved (its <see cref="StatusChanged"/> to Resolved): one
/// per task an admin defined for its severity, owned by whoever holds the owner role (the lead when nobody does), due
/// the set time after the resolution. Durable: the tasks are saved with this consumer's position in one transaction,
/// so a resolution whose dispatch was cut short (the process died after the commit) gets its tasks when the log is
/// caught up, and never twice. Resolving again after a reopening adds only tasks the incident does not have yet
/// (a unique index on incident and definition backs that).
/// </summary>
public sealed class PostIncidentTaskConsumer(TimeProvider time, IIncidentChangeFeed feed) : IEventConsumer
{
    public string Name => "post-incident-tasks";

    public bool IsDurable => true;

    public async Task HandleAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var resolutions = batch.Events
            .Where(e => e.Event is StatusChanged { To: IncidentStatus.Resolved })
            .GroupBy(e => e.IncidentId)
            .Select(g => g.First())
            .ToList();
        if (resolutions.Count == 0)
        {
            return;
        }

        var db = batch.Db;
        var ids = resolutions.Select(r => r.IncidentId).ToList();
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => EF.Parameter(ids).Contains(i.Id))
            .Select(i => new { i.Id, i.SeverityId, i.LeadId, i.LeadName })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var definitions = await db.PostIncidentTaskDefinitions.AsNoTracking()
            .Include(d => d.Severities)
            .Where(d => !d.IsArchived)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        var roleNames = await db.RoleDefinitions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var holders = await db.RoleAssignments.AsNoTracking()
            .Where(a => EF.Parameter(ids).Contains(a.IncidentId) && a.EndedAt == null)
            .Select(a => new { a.IncidentId, a.RoleDefinitionId, a.UserId, a.UserName, a.AssignedAt })
            .ToListAsync(cancellationToken);
        var existing = (await db.PostIncidentTasks.AsNoTracking()
            .Where(t => EF.Parameter(ids).Contains(t.IncidentId))
            .Select(t => new { t.IncidentId, t.DefinitionId })
            .ToListAsync(cancellationToken)).Select(t => (t.IncidentId, t.DefinitionId)).ToHashSet();

        var now = time.GetUtcNow();
        var changed = new List<LoggedEvent>();
        foreach (var resolution in resolutions)
        {
            if (!incidents.TryGetValue(resolution.IncidentId, out var incident))
            {
                continue;
            }

            var added = 0;
            foreach (var definition in definitions.Where(d => d.AppliesTo(incident.SeverityId) && !existing.Contains((incident.Id, d.Id))))
            {
                var holder = holders
                    .Where(h => h.IncidentId == incident.Id && h.RoleDefinitionId == definition.OwnerRoleDefinitionId)
                    .OrderByDescending(h => h.AssignedAt)
                    .FirstOrDefault();
                var roleName = roleNames.GetValueOrDefault(definition.OwnerRoleDefinitionId, "Incident Lead");
                db.PostIncidentTasks.Add(new PostIncidentTask(
                    incident.Id, definition, roleName, ownerRoleVacant: holder is null,
                    holder?.UserId ?? incident.LeadId, holder?.UserName ?? incident.LeadName, resolution.OccurredAt, now));
                added++;
            }

            if (added > 0)
            {
                changed.Add(resolution);
            }
        }

        if (changed.Count > 0)
        {
            batch.AfterCommit(() =>
            {
                foreach (var e in changed)
                {
                    feed.Publish(new IncidentChange(e.IncidentId, e.IncidentNumber, IncidentChangeKind.ActionsChanged, null, e.IsPrivate));
                }
            });
        }
    }
}
