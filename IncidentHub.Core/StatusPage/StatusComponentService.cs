using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.StatusPage;

/// <summary>Admins list the services customers see on the status page.</summary>
public sealed class StatusComponentService(IDbContextFactory<IncidentHubDbContext> dbFactory, IStatusPageCache cache)
{
    public async Task<IReadOnlyList<ComponentView>> GetAllAsync(bool includeArchived = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.StatusComponents.AsNoTracking()
            .Where(c => includeArchived || !c.IsArchived)
            .OrderBy(c => c.IsArchived).ThenBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new ComponentView(c.Id, c.Name, c.Description, c.SortOrder, c.IsArchived, c.Version))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> SaveAsync(Actor actor, ComponentForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        actor.EnsureAdmin();
        RequestValidator.Validate(form);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = form.Name.Trim();
        await AdminEdits.EnsureNameFreeAsync(db.StatusComponents, form.Id, name, "service", archivedCount: false, cancellationToken);

        StatusComponent component;
        if (form.Id is { } id)
        {
            component = await AdminEdits.FindForEditAsync(db.StatusComponents, id, form.Version, "service", cancellationToken);
            component.Change(name, form.Description);
        }
        else
        {
            var order = (await db.StatusComponents.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0) + 1;
            component = new StatusComponent(name, form.Description, order);
            db.StatusComponents.Add(component);
        }

        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(cancellationToken);
        return component.Id;
    }

    /// <summary>Takes a service off the status page (its history stays) or puts it back.</summary>
    public async Task SetArchivedAsync(Actor actor, int componentId, bool archived, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var component = await AdminEdits.FindAsync(db.StatusComponents, componentId, "service", cancellationToken);
        if (archived && await db.PublicImpacts.AnyAsync(i => i.ComponentId == componentId && i.Until == null, cancellationToken))
        {
            throw new DomainException($"{component.Name} is affected by an open public notice. Resolve that notice before removing the service.");
        }

        if (archived)
        {
            component.Archive();
        }
        else
        {
            await AdminEdits.EnsureCanRestoreAsync(db.StatusComponents, component, "service", cancellationToken);
            component.Restore();
        }

        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(cancellationToken);
    }

    /// <summary>Moves a service up or down the list.</summary>
    public async Task MoveAsync(Actor actor, int componentId, int direction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.StatusComponents.Where(c => !c.IsArchived).OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var index = all.FindIndex(c => c.Id == componentId);
        var other = index + Math.Sign(direction);
        if (index < 0 || other < 0 || other >= all.Count)
        {
            return;
        }

        (all[index], all[other]) = (all[other], all[index]);
        for (var i = 0; i < all.Count; i++)
        {
            all[i].MoveTo(i + 1);
        }

        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(cancellationToken);
    }
}

public sealed class ComponentForm
{
    public int? Id { get; set; }

    public Guid? Version { get; set; }

    [Required(ErrorMessage = "Give the service the name customers know it by, e.g. API or Payments.")]
    [TextLimit(StatusComponent.NameMax, "the name")]
    public string Name { get; set; } = "";

    [TextLimit(StatusComponent.DescriptionMax, "the description")]
    public string? Description { get; set; }
}
