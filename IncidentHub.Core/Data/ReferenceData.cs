using IncidentHub.Core.Roles;
using IncidentHub.Core.Severities;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Data;

/// <summary>Puts the default severities, built-in roles, review template and post-incident tasks in an empty database. Safe to run at every start.</summary>
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

        if (!await db.PostIncidentTaskDefinitions.AnyAsync(cancellationToken))
        {
            // A fresh installation: the four tasks, for every severity but the least severe.
            var lead = await db.RoleDefinitions.Where(r => r.Kind == IncidentRoleKind.Lead).Select(r => r.Id).FirstAsync(cancellationToken);
            var severities = await db.Severities.Where(s => !s.IsArchived).OrderBy(s => s.Rank).Select(s => s.Id).ToListAsync(cancellationToken);
            db.PostIncidentTaskDefinitions.AddRange(PostIncident.PostIncidentTaskDefinition.Defaults(lead, severities.Count > 1 ? severities[1..] : severities));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
