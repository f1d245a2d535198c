using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Severities;

/// <summary>Admins configure the severities responders choose from.</summary>
public sealed partial class SeverityService(
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    IncidentCommandRunner runner,
    ILogger<SeverityService> logger)
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
        var cadenceChanged = false;
        if (form.Id is { } id)
        {
            severity = await AdminEdits.FindForEditAsync(db.Severities, id, form.Version, "severity", cancellationToken);
            cadenceChanged = severity.UpdateCadenceMinutes != form.UpdateCadenceMinutes;
            severity.Change(name, form.Rank, form.Guidance ?? "", form.UpdateCadenceMinutes);
        }
        else
        {
            severity = new Severity(name, form.Rank, form.Guidance ?? "", form.UpdateCadenceMinutes);
            db.Severities.Add(severity);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (cadenceChanged)
        {
            await FollowNewDefaultAsync(actor, severity, cancellationToken);
        }

        return severity.Id;
    }

    /// <summary>
    /// Active incidents of this severity that follow its default take the new cadence from their next due time, each
    /// through the same runner as every other change to an incident (its timeline says so, open pages refresh).
    /// </summary>
    private async Task FollowNewDefaultAsync(Actor actor, Severity severity, CancellationToken cancellationToken)
    {
        var seconds = severity.UpdateCadenceMinutes * 60;
        var active = IncidentStatuses.Active.ToList();
        List<int> following;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            following = await db.Incidents
                .Where(i => i.SeverityId == severity.Id && active.Contains(i.Status))
                .Where(i => !i.Reminder.CadenceOverridden && i.Reminder.CadenceSeconds != seconds)
                .Select(i => i.Id)
                .ToListAsync(cancellationToken);
        }

        foreach (var incidentId in following)
        {
            try
            {
                await runner.RunAsync(actor, incidentId, (_, incident, now) => incident.FollowDefaultCadence(actor, now), cancellationToken);
            }
            catch (DomainException ex)
            {
                // The severity is saved; an incident that could not follow now keeps its cadence and says so in the log.
                LogNotFollowed(logger, ex, incidentId, severity.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId} did not take the new default cadence of severity {SeverityId}")]
    private static partial void LogNotFollowed(ILogger logger, Exception exception, int incidentId, int severityId);

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
    [TextLimit(Severity.NameMax, "the name")]
    public string Name { get; set; } = "";

    [Range(Severity.RankMin, Severity.RankMax, ErrorMessage = Severity.RankMessage)]
    public int Rank { get; set; } = 1;

    [TextLimit(Severity.GuidanceMax, "the guidance")]
    public string? Guidance { get; set; }

    [Range(IncidentHub.Core.Reminders.UpdateCadence.MinMinutes, IncidentHub.Core.Reminders.UpdateCadence.MaxMinutes,
        ErrorMessage = IncidentHub.Core.Reminders.UpdateCadence.RangeMessage)]
    public int UpdateCadenceMinutes { get; set; } = IncidentHub.Core.Reminders.UpdateCadence.DefaultMinutes;
}
