using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.StatusPage;

/// <summary>Admins keep the organisation's services: the ones customers see on the status page and internal ones.</summary>
public sealed class StatusComponentService(IDbContextFactory<IncidentHubDbContext> dbFactory, IStatusPageCache cache)
{
    public async Task<IReadOnlyList<ComponentView>> GetAllAsync(bool includeArchived = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.StatusComponents.AsNoTracking()
            .Where(c => includeArchived || !c.IsArchived)
            .OrderBy(c => c.IsArchived).ThenBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new ComponentView(c.Id, c.Name, c.Description, c.SortOrder, c.IsArchived, c.Version, c.IsPublic, c.OwnerTeam, c.Link))
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
            if (component.IsPublic && !form.IsPublic && await db.PublicImpacts.AnyAsync(i => i.ComponentId == id && i.Until == null, cancellationToken))
            {
                throw ValidationFailedException.For(nameof(form.IsPublic),
                    $"{component.Name} is affected by an open public notice. Resolve that notice before taking the service off the status page.");
            }

            component.Change(name, form.Description, form.IsPublic, form.OwnerTeam, form.Link);
        }
        else
        {
            var order = (await db.StatusComponents.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0) + 1;
            component = new StatusComponent(name, form.Description, order, form.IsPublic, form.OwnerTeam, form.Link);
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

    [Required(ErrorMessage = "Give the service the name people know it by, e.g. API, Payments or Ledger.")]
    [TextLimit(StatusComponent.NameMax, "the name")]
    public string Name { get; set; } = "";

    [TextLimit(StatusComponent.DescriptionMax, "the description")]
    public string? Description { get; set; }

    /// <summary>Listed on the public status page; false for an internal service.</summary>
    public bool IsPublic { get; set; } = true;

    [TextLimit(StatusComponent.OwnerTeamMax, "the owner team")]
    public string? OwnerTeam { get; set; }

    [TextLimit(StatusComponent.LinkMax, "the link")]
    public string? Link { get; set; }
}
