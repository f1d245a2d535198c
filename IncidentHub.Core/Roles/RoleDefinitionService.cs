using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Roles;

/// <summary>Admins define custom roles (and reword the built-in ones).</summary>
public sealed class RoleDefinitionService(IDbContextFactory<IncidentHubDbContext> dbFactory)
{
    public async Task<IReadOnlyList<RoleDefinitionView>> GetAllAsync(bool includeArchived = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roles = await db.RoleDefinitions.AsNoTracking()
            .Where(r => includeArchived || !r.IsArchived)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Name)
            .ToListAsync(cancellationToken);
        return roles.Select(r => new RoleDefinitionView(r.Id, r.Kind, r.Name, r.Instructions, r.IsArchived, r.IsBuiltIn, r.Version)).ToList();
    }

    public async Task<int> SaveAsync(Actor actor, RoleDefinitionForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        actor.EnsureAdmin();
        RequestValidator.Validate(form);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = form.Name.Trim();
        await AdminEdits.EnsureNameFreeAsync(db.RoleDefinitions, form.Id, name, "role", archivedCount: false, cancellationToken);

        RoleDefinition role;
        if (form.Id is { } id)
        {
            role = await AdminEdits.FindForEditAsync(db.RoleDefinitions, id, form.Version, "role", cancellationToken);
            role.Change(name, form.Instructions ?? "");
        }
        else
        {
            var order = (await db.RoleDefinitions.MaxAsync(r => (int?)r.SortOrder, cancellationToken) ?? 0) + 1;
            role = new RoleDefinition(IncidentRoleKind.Custom, name, form.Instructions ?? "", order);
            db.RoleDefinitions.Add(role);
        }

        await db.SaveChangesAsync(cancellationToken);
        return role.Id;
    }

    public async Task SetArchivedAsync(Actor actor, int roleDefinitionId, bool archived, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var role = await AdminEdits.FindAsync(db.RoleDefinitions, roleDefinitionId, "role", cancellationToken);
        if (archived)
        {
            role.Archive();
        }
        else
        {
            await AdminEdits.EnsureCanRestoreAsync(db.RoleDefinitions, role, "role", cancellationToken);
            role.Restore();
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record RoleDefinitionView(int Id, IncidentRoleKind Kind, string Name, string Instructions, bool IsArchived, bool IsBuiltIn, Guid Version = default);

public sealed class RoleDefinitionForm
{
    public int? Id { get; set; }

    /// <summary>The version the editor started from; a newer one in the database is a conflict.</summary>
    public Guid? Version { get; set; }

    [Required(ErrorMessage = "Give the role a name.")]
    [TextLimit(RoleDefinition.NameMax, "the name")]
    public string Name { get; set; } = "";

    [TextLimit(RoleDefinition.InstructionsMax, "the instructions")]
    public string? Instructions { get; set; }
}
