using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Severities;

/// <summary>Admins configure the severities responders choose from.</summary>
public sealed class SeverityService(IDbContextFactory<IncidentHubDbContext> dbFactory)
{
    public async Task<int> SaveAsync(Actor actor, SeverityForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        actor.EnsureAdmin();
        RequestValidator.Validate(form);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = form.Name.Trim();
        await AdminEdits.EnsureNameFreeAsync(db.Severities, form.Id, name, "severity", archivedCount: true, cancellationToken);

        if (await db.Severities.AnyAsync(s => s.Id != form.Id && s.Rank == form.Rank && !s.IsArchived, cancellationToken))
        {
            throw ValidationFailedException.For(nameof(form.Rank), "Another severity already has this rank; each rank says how severe, so pick a free one.");
        }

        Severity severity;
        if (form.Id is { } id)
        {
            severity = await AdminEdits.FindForEditAsync(db.Severities, id, form.Version, "severity", cancellationToken);
            severity.Change(name, form.Rank, form.Guidance ?? "", form.UpdateCadenceMinutes);
        }
        else
        {
            severity = new Severity(name, form.Rank, form.Guidance ?? "", form.UpdateCadenceMinutes);
            db.Severities.Add(severity);
        }

        await db.SaveChangesAsync(cancellationToken);
        return severity.Id;
    }

    /// <summary>Retires a severity: existing incidents keep it, new ones cannot choose it.</summary>
    public async Task SetArchivedAsync(Actor actor, int severityId, bool archived, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var severity = await AdminEdits.FindAsync(db.Severities, severityId, "severity", cancellationToken);
        if (archived && !severity.IsArchived && await db.Severities.CountAsync(s => !s.IsArchived, cancellationToken) <= 1)
        {
            throw new DomainException("Keep at least one severity: responders need one to declare an incident.");
        }

        if (!archived && severity.IsArchived
            && await db.Severities.AnyAsync(s => s.Id != severity.Id && s.Rank == severity.Rank && !s.IsArchived, cancellationToken))
        {
            throw new DomainException(
                $"Another severity now has rank {severity.Rank}. Edit {severity.Name} to give it a free rank, then restore it.");
        }

        if (archived)
        {
            severity.Archive();
        }
        else
        {
            severity.Restore();
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed class SeverityForm
{
    public int? Id { get; set; }

    /// <summary>The version the editor started from; a newer one in the database is a conflict.</summary>
    public Guid? Version { get; set; }

    [Required(ErrorMessage = "Give the severity a name.")]
    [StringLength(50, ErrorMessage = "Keep the name to 50 characters or fewer.")]
    public string Name { get; set; } = "";

    [Range(1, 100, ErrorMessage = "Rank is a number from 1 to 100; higher is more severe.")]
    public int Rank { get; set; } = 1;

    [StringLength(1_000, ErrorMessage = "Guidance can be at most 1,000 characters.")]
    public string? Guidance { get; set; }

    [Range(IncidentHub.Core.Reminders.UpdateCadence.MinMinutes, IncidentHub.Core.Reminders.UpdateCadence.MaxMinutes,
        ErrorMessage = "The update cadence is between 5 minutes and 24 hours (1,440 minutes).")]
    public int UpdateCadenceMinutes { get; set; } = IncidentHub.Core.Reminders.UpdateCadence.DefaultMinutes;
}
