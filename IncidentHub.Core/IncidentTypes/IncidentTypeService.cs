using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.IncidentTypes;

/// <summary>Admins keep the incident types: their defaults, which one is the default, and which are archived.</summary>
public sealed class IncidentTypeService(IDbContextFactory<IncidentHubDbContext> dbFactory)
{
    /// <summary>Every type in the admins' order (the archived ones last, when asked for); anyone signed in may read them.</summary>
    public async Task<IReadOnlyList<IncidentTypeView>> GetAllAsync(bool includeArchived = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var types = await db.IncidentTypes.AsNoTracking()
            .Where(t => includeArchived || !t.IsArchived)
            .OrderBy(t => t.IsArchived).ThenBy(t => t.SortOrder).ThenBy(t => t.Name)
            .ToListAsync(cancellationToken);
        var severities = await db.Severities.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var roles = await db.RoleDefinitions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return [.. types.Select(t => IncidentTypeView.From(t, severities, roles))];
    }

    /// <summary>
    /// A declaration that names no severity takes its type's default (the chosen type, else the default type), before
    /// it is validated, in every door. A declaration with a severity keeps it.
    /// </summary>
    public async Task FillDefaultSeverityAsync(Incidents.DeclareIncidentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SeverityId is not null)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var type = request.TypeId is { } id
            ? await db.IncidentTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && !t.IsArchived, cancellationToken)
            : await db.IncidentTypes.AsNoTracking().Where(t => t.IsDefault && !t.IsArchived).OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        request.SeverityId = type?.DefaultSeverityId;
    }

    public async Task<int> SaveAsync(Actor actor, IncidentTypeForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        actor.EnsureAdmin();
        RequestValidator.Validate(form);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = form.Name.Trim();
        await AdminEdits.EnsureNameFreeAsync(db.IncidentTypes, form.Id, name, "type", archivedCount: false, cancellationToken);
        await EnsureUsableAsync(db, form, cancellationToken);
        var defaults = form.ToDefaults();

        IncidentType type;
        if (form.Id is { } id)
        {
            type = await AdminEdits.FindForEditAsync(db.IncidentTypes, id, form.Version, "type", cancellationToken);
            type.Change(defaults);
        }
        else
        {
            var order = (await db.IncidentTypes.MaxAsync(t => (int?)t.SortOrder, cancellationToken) ?? 0) + 1;
            type = new IncidentType(defaults, order);
            db.IncidentTypes.Add(type);
        }

        // The first type in use becomes the default: with types there is always exactly one.
        if (!await db.IncidentTypes.AnyAsync(t => t.IsDefault && !t.IsArchived && t.Id != type.Id, cancellationToken))
        {
            type.SetDefault(true);
        }

        await db.SaveChangesAsync(cancellationToken);
        return type.Id;
    }

    /// <summary>Makes this type the one a declaration starts from.</summary>
    public async Task MakeDefaultAsync(Actor actor, int typeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var type = await AdminEdits.FindAsync(db.IncidentTypes, typeId, "type", cancellationToken);
        if (type.IsArchived)
        {
            throw new DomainException($"{type.Name} is archived. Restore it before making it the default.");
        }

        foreach (var other in await db.IncidentTypes.Where(t => t.IsDefault && t.Id != typeId).ToListAsync(cancellationToken))
        {
            other.SetDefault(false);
        }

        type.SetDefault(true);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Archives a type (incidents keep it; nobody can declare with it) or brings it back.</summary>
    public async Task SetArchivedAsync(Actor actor, int typeId, bool archived, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var type = await AdminEdits.FindAsync(db.IncidentTypes, typeId, "type", cancellationToken);
        if (archived)
        {
            if (type.IsDefault && await db.IncidentTypes.AnyAsync(t => t.Id != typeId && !t.IsArchived, cancellationToken))
            {
                throw new DomainException($"{type.Name} is the default type. Make another type the default first, then archive this one.");
            }

            type.SetDefault(false);
            type.Archive();
        }
        else
        {
            await AdminEdits.EnsureCanRestoreAsync(db.IncidentTypes, type, "type", cancellationToken);
            type.Restore();
            if (!await db.IncidentTypes.AnyAsync(t => t.IsDefault && !t.IsArchived, cancellationToken))
            {
                type.SetDefault(true);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task EnsureUsableAsync(IncidentHubDbContext db, IncidentTypeForm form, CancellationToken cancellationToken)
    {
        if (form.DefaultSeverityId is { } severityId
            && !await db.Severities.AnyAsync(s => s.Id == severityId && !s.IsArchived, cancellationToken))
        {
            throw ValidationFailedException.For(nameof(form.DefaultSeverityId), "Pick one of the listed severities, or none.");
        }

        var roleIds = form.ExpectedRoleIds.Distinct().ToList();
        if (roleIds.Count == 0)
        {
            return;
        }

        var found = await db.RoleDefinitions
            .CountAsync(r => roleIds.Contains(r.Id) && !r.IsArchived && r.Kind != IncidentRoleKind.Reporter && r.Kind != IncidentRoleKind.Lead, cancellationToken);
        if (found != roleIds.Count)
        {
            throw ValidationFailedException.For(nameof(form.ExpectedRoleIds), "One of the roles is no longer listed: pick from the list again.");
        }
    }
}

/// <summary>The admin's type form.</summary>
public sealed class IncidentTypeForm
{
    public int? Id { get; set; }

    public Guid? Version { get; set; }

    [Required(ErrorMessage = "Give the type a name, e.g. Platform, Security or Payments.")]
    [TextLimit(IncidentType.NameMax, "the name")]
    public string Name { get; set; } = "";

    [TextLimit(IncidentType.DescriptionMax, "the description")]
    public string? Description { get; set; }

    public bool IsPrivate { get; set; }

    public int? DefaultSeverityId { get; set; }

    public int? UpdateCadenceMinutes { get; set; }

    public IReadOnlyCollection<int> ExpectedRoleIds { get; set; } = [];

    [TextLimit(IncidentType.ChannelPrefixMax, "the channel prefix")]
    public string? ChannelPrefix { get; set; }

    public IncidentTypeDefaults ToDefaults() =>
        new(Name, Description, IsPrivate, DefaultSeverityId, UpdateCadenceMinutes, ExpectedRoleIds, ChannelPrefix);

    public static IncidentTypeForm From(IncidentTypeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new()
        {
            Id = view.Id,
            Version = view.Version,
            Name = view.Name,
            Description = view.Description,
            IsPrivate = view.IsPrivate,
            DefaultSeverityId = view.DefaultSeverityId,
            UpdateCadenceMinutes = view.UpdateCadenceMinutes,
            ExpectedRoleIds = [.. view.ExpectedRoles.Select(r => r.Id)],
            ChannelPrefix = view.ChannelPrefix,
        };
    }
}
