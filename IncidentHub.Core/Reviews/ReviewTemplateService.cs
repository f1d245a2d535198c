using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Reviews;

/// <summary>Admins edit the sections a new review starts with. Reviews already started keep theirs.</summary>
public sealed class ReviewTemplateService(IDbContextFactory<IncidentHubDbContext> dbFactory)
{
    private const string Noun = "section";

    public async Task<IReadOnlyList<ReviewTemplateSectionView>> GetAllAsync(bool includeArchived = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReviewTemplateSections.AsNoTracking()
            .Where(s => includeArchived || !s.IsArchived)
            .OrderBy(s => s.IsArchived).ThenBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new ReviewTemplateSectionView(s.Id, s.Name, s.Guidance, s.Prefill, s.SortOrder, s.IsArchived, s.Version))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> SaveAsync(Actor actor, ReviewTemplateSectionForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        actor.EnsureAdmin();
        RequestValidator.Validate(form);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = form.Name.Trim();
        await AdminEdits.EnsureNameFreeAsync(db.ReviewTemplateSections, form.Id, name, Noun, archivedCount: false, cancellationToken);
        ReviewTemplateSection section;
        if (form.Id is { } id)
        {
            section = await AdminEdits.FindForEditAsync(db.ReviewTemplateSections, id, form.Version, Noun, cancellationToken);
            section.Edit(name, form.Guidance?.Trim() ?? "", form.Prefill);
        }
        else
        {
            var order = (await db.ReviewTemplateSections.MaxAsync(s => (int?)s.SortOrder, cancellationToken) ?? 0) + 1;
            section = new ReviewTemplateSection(name, form.Guidance?.Trim() ?? "", form.Prefill, order);
            db.ReviewTemplateSections.Add(section);
        }

        await db.SaveChangesAsync(cancellationToken);
        return section.Id;
    }

    /// <summary>Moves a section one place up (-1) or down (+1) among the sections in use.</summary>
    public async Task MoveAsync(Actor actor, int sectionId, Guid seenVersion, int by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var section = await AdminEdits.FindForEditAsync(db.ReviewTemplateSections, sectionId, seenVersion, Noun, cancellationToken);
        var active = await db.ReviewTemplateSections.Where(s => !s.IsArchived).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var index = active.FindIndex(s => s.Id == section.Id);
        var target = index + Math.Sign(by);
        if (index < 0 || target < 0 || target >= active.Count)
        {
            throw new DomainException(by < 0 ? $"{section.Name} is already first." : $"{section.Name} is already last.");
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

    public async Task SetArchivedAsync(Actor actor, int sectionId, bool archived, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var section = await AdminEdits.FindAsync(db.ReviewTemplateSections, sectionId, Noun, cancellationToken);
        if (!archived)
        {
            await AdminEdits.EnsureCanRestoreAsync(db.ReviewTemplateSections, section, Noun, cancellationToken);
        }

        section.Archive(archived);
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record ReviewTemplateSectionView(int Id, string Name, string Guidance, ReviewPrefill Prefill, int SortOrder, bool IsArchived, Guid Version);

public sealed class ReviewTemplateSectionForm
{
    public int? Id { get; set; }

    /// <summary>The version the editor started from; a newer one in the database is a conflict.</summary>
    public Guid? Version { get; set; }

    [Required(ErrorMessage = "Give the section a heading.")]
    [TextLimit(TextLimits.Name, "the heading")]
    public string Name { get; set; } = "";

    [TextLimit(TextLimits.Reason, "the guidance")]
    public string? Guidance { get; set; }

    public ReviewPrefill Prefill { get; set; }
}
