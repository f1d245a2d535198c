using IncidentHub.Core.Roles;
using IncidentHub.Core.Severities;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Data;

/// <summary>Puts the default severities, built-in roles and review template in an empty database. Safe to run at every start.</summary>
public static class ReferenceData
{
    public static async Task EnsureAsync(IncidentHubDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Severities.AnyAsync(cancellationToken))
        {
            db.Severities.AddRange(Severity.Defaults());
        }

        if (!await db.ReviewTemplateSections.AnyAsync(cancellationToken))
        {
            db.ReviewTemplateSections.AddRange(Reviews.ReviewTemplateSection.Defaults());
        }

        var kinds = await db.RoleDefinitions.Select(r => r.Kind).ToListAsync(cancellationToken);
        db.RoleDefinitions.AddRange(RoleDefinition.Defaults().Where(r => !kinds.Contains(r.Kind)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
