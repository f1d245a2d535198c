using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.PostIncident;

/// <summary>
/// Admins define post-incident tasks (per severity, an owner role, a due time after the resolution); people on a
/// resolved incident do them. Incidents already resolved keep the tasks they were given.
/// </summary>
public sealed class PostIncidentTaskService(IDbContextFactory<IncidentHubDbContext> dbFactory, IncidentCommandRunner runner)
{
    private const string Noun = "task";

    public async Task<IReadOnlyList<PostIncidentTaskDefinitionView>> GetDefinitionsAsync(bool includeArchived = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roles = await db.RoleDefinitions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var severities = await db.Severities.AsNoTracking().OrderBy(s => s.Rank).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var definitions = await db.PostIncidentTaskDefinitions.AsNoTracking()
            .Include(d => d.Severities)
            .Where(d => includeArchived || !d.IsArchived)
            .OrderBy(d => d.IsArchived).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. definitions.Select(d =>
        {
            var ids = d.Severities.Select(s => s.SeverityId).ToHashSet();
            return new PostIncidentTaskDefinitionView(d.Id, d.Name, d.Guidance, d.OwnerRoleDefinitionId, roles.GetValueOrDefault(d.OwnerRoleDefinitionId, "(removed role)"),
                d.DueAfterHours, [.. severities.Where(s => ids.Contains(s.Id)).Select(s => s.Id)], [.. severities.Where(s => ids.Contains(s.Id)).Select(s => s.Name)],
                d.SortOrder, d.IsArchived, d.Version);
        })];
    }

    public async Task<int> SaveDefinitionAsync(Actor actor, PostIncidentTaskForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        actor.EnsureAdmin();
        RequestValidator.Validate(form);
        var hours = form.DueAfterHours();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (form.OwnerRoleDefinitionId is not { } roleId
            || !await db.RoleDefinitions.AnyAsync(r => r.Id == roleId && !r.IsArchived && r.Kind != Roles.IncidentRoleKind.Reporter, cancellationToken))
        {
            throw ValidationFailedException.For(nameof(form.OwnerRoleDefinitionId), "Choose the role on the incident that owns this task (the reporter cannot own one).");
        }

        var severityIds = form.SeverityIds.Distinct().ToList();
        var known = await db.Severities.CountAsync(s => severityIds.Contains(s.Id), cancellationToken);
        if (known != severityIds.Count)
        {
            throw ValidationFailedException.For(nameof(form.SeverityIds), "One of the chosen severities no longer exists. Look at the list and choose again.");
        }

        var name = form.Name.Trim();
        await AdminEdits.EnsureNameFreeAsync(db.PostIncidentTaskDefinitions, form.Id, name, Noun, archivedCount: false, cancellationToken);
        PostIncidentTaskDefinition definition;
        if (form.Id is { } id)
        {
            definition = await AdminEdits.FindForEditAsync(db.PostIncidentTaskDefinitions.Include(d => d.Severities), id, form.Version, Noun, cancellationToken);
            definition.Edit(name, form.Guidance?.Trim() ?? "", roleId, hours, severityIds);
        }
        else
        {
            var order = (await db.PostIncidentTaskDefinitions.MaxAsync(d => (int?)d.SortOrder, cancellationToken) ?? 0) + 1;
            definition = new PostIncidentTaskDefinition(name, form.Guidance?.Trim() ?? "", roleId, hours, severityIds, order);
            db.PostIncidentTaskDefinitions.Add(definition);
        }

        await db.SaveChangesAsync(cancellationToken);
        return definition.Id;
    }

    /// <summary>Moves a task one place up (-1) or down (+1) among the tasks in use.</summary>
    public async Task MoveDefinitionAsync(Actor actor, int definitionId, Guid seenVersion, int by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var definition = await AdminEdits.FindForEditAsync(db.PostIncidentTaskDefinitions, definitionId, seenVersion, Noun, cancellationToken);
        var active = await db.PostIncidentTaskDefinitions.Where(d => !d.IsArchived).OrderBy(d => d.SortOrder).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        var index = active.FindIndex(d => d.Id == definition.Id);
        var target = index + Math.Sign(by);
        if (index < 0 || target < 0 || target >= active.Count)
        {
            throw new DomainException(by < 0 ? $"{definition.Name} is already first." : $"{definition.Name} is already last.");
        }

        (active[index], active[target]) = (active[target], active[index]);
        for (var i = 0; i < active.Count; i++)
        {
            if (active[i].SortOrder != i + 1)
            {
                active[i].MoveTo(i + 1);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetDefinitionArchivedAsync(Actor actor, int definitionId, bool archived, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var definition = await AdminEdits.FindAsync(db.PostIncidentTaskDefinitions, definitionId, Noun, cancellationToken);
        if (!archived)
        {
            await AdminEdits.EnsureCanRestoreAsync(db.PostIncidentTaskDefinitions, definition, Noun, cancellationToken);
        }

        definition.Archive(archived);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Marks a task done (or not done again), through the incident: on its timeline, as an event.</summary>
    /// <param name="expectedDone">Whether the person saw it done: someone else's change in between is a conflict.</param>
    public Task SetDoneAsync(Actor actor, int incidentId, int taskId, bool done, bool expectedDone, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var task = await db.PostIncidentTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.IncidentId == incidentId, cancellationToken)
                ?? throw new NotFoundException("That task no longer exists on this incident.");
            incident.SetTaskDone(actor, task, done, expectedDone, now);
            return true;
        }, cancellationToken);

    /// <summary>An incident's tasks, in the admins' order, for someone who may see it (otherwise: not found).</summary>
    public async Task<IReadOnlyList<PostIncidentTaskView>> ForIncidentAsync(Actor actor, int incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.VisibleTo(actor, db).AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            throw new NotFoundException(IncidentAccessRules.NotFoundMessage);
        }

        return await db.PostIncidentTasks.AsNoTracking()
            .Where(t => t.IncidentId == incidentId)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new PostIncidentTaskView(t.Id, t.Name, t.Guidance, t.OwnerRoleName, t.OwnerRoleVacant, t.OwnerId, t.OwnerName, t.DueAt, t.DoneAt, t.DoneByName))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>A post-incident task as the incident page shows it.</summary>
public sealed record PostIncidentTaskView(
    int Id,
    string Name,
    string Guidance,
    string OwnerRoleName,
    bool OwnerRoleVacant,
    string OwnerId,
    string OwnerName,
    DateTimeOffset DueAt,
    DateTimeOffset? DoneAt,
    string? DoneByName)
{
    public bool IsDone => DoneAt is not null;

    public bool IsOverdue(DateTimeOffset now) => !IsDone && now >= DueAt;
}
