using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.IncidentTypes;

/// <summary>Types as the incident's door needs them: the one a declaration gets, and a type with its names.</summary>
internal static class IncidentTypeReads
{
    /// <summary>
    /// The type a declaration gets: the one asked for (refused when archived or unknown), else the default type, else
    /// none (an installation without types).
    /// </summary>
    public static async Task<IncidentType?> ForDeclarationAsync(IncidentHubDbContext db, int? typeId, CancellationToken cancellationToken)
    {
        if (typeId is { } id)
        {
            var type = await db.IncidentTypes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
                ?? throw ValidationFailedException.For("TypeId", "That type is no longer listed: pick one of the listed types.");
            return type.IsArchived
                ? throw ValidationFailedException.For("TypeId", $"{type.Name} has been archived by an admin: pick one of the listed types.")
                : type;
        }

        return await db.IncidentTypes.Where(t => t.IsDefault && !t.IsArchived).OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public static async Task<IncidentTypeView> ViewAsync(IncidentHubDbContext db, IncidentType type, CancellationToken cancellationToken)
    {
        var severities = type.DefaultSeverityId is { } s
            ? await db.Severities.AsNoTracking().Where(x => x.Id == s).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken)
            : [];
        var roleIds = type.ExpectedRoleIds.ToList();
        var roles = await db.RoleDefinitions.AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return IncidentTypeView.From(type, severities, roles);
    }
}
