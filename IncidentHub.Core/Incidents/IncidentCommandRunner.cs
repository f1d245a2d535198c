using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Incidents;

/// <summary>
/// The one door for changes to incidents, declaring included. It checks the actor, loads the aggregate in a fresh
/// context, applies the change (the aggregate's methods check the rules, append to the timeline and record what
/// happened as events), then hands the unit to <see cref="IncidentEventPipeline"/>, which saves the change, its
/// timeline entries and its events in one transaction and dispatches the events after the commit. When the incident
/// moved underneath between load and save, the change is re-applied to the fresh state, where the aggregate's own
/// checks turn a real conflict into a clear message.
/// </summary>
public sealed partial class IncidentCommandRunner(
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    TimeProvider time,
    IncidentEventPipeline pipeline,
    ILogger<IncidentCommandRunner> logger)
{
    private const int MaxAttempts = 3;
    private const int MaxNumberAttempts = 5;

    public async Task<T> RunAsync<T>(
        Actor actor,
        int incidentId,
        Func<IncidentHubDbContext, Incident, DateTimeOffset, Task<T>> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            try
            {
                var result = await pipeline.SaveAsync(db, async (_, ct) =>
                {
                    var incident = await LoadAsync(db, incidentId, ct);
                    if (incident.IsPrivate && !await IncidentAccessRules.CanSeeAsync(db, actor, incident.Id, ct))
                    {
                        // The same answer as for an incident that does not exist.
                        throw new NotFoundException(IncidentAccessRules.NotFoundMessage);
                    }

                    // Responders act on every incident they see; anyone else only on one they hold a role on.
                    incident.PermissionsFor(actor).EnsureAct();

                    var result = await change(db, incident, time.GetUtcNow());
                    EnsureStated(db, incident);
                    return result;
                }, cancellationToken);
                LogChanged(logger, incidentId, actor.UserId);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                LogRetry(logger, incidentId, attempt);
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && attempt < MaxAttempts)
            {
                // Someone inserted the same row first (the first draft of a public notice, say): re-apply to the fresh
                // state, where the aggregate's own checks say what clashed.
                LogRetry(logger, incidentId, attempt);
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException("Several people are changing this incident at once. Nothing was changed: look at the latest state and try again.");
            }
        }
    }

    public Task RunAsync(
        Actor actor,
        int incidentId,
        Action<IncidentHubDbContext, Incident, DateTimeOffset> change,
        CancellationToken cancellationToken = default) =>
        RunAsync(actor, incidentId, (db, incident, now) =>
        {
            change(db, incident, now);
            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>
    /// Declares an incident through the same door (everyone signed in may: <see cref="Actor.CanDeclare"/>): <paramref name="declare"/> makes the aggregate (it is given the next
    /// free number); when someone else took that number at the same moment, it runs again with the next one.
    /// </summary>
    public async Task<Incident> DeclareAsync(
        Actor actor,
        Func<IncidentHubDbContext, int, DateTimeOffset, Task<Incident>> declare,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(declare);
        actor.EnsureCanDeclare();

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var number = 0;
            try
            {
                var incident = await pipeline.SaveAsync(db, async (_, ct) =>
                {
                    number = (await db.Incidents.MaxAsync(i => (int?)i.Number, ct) ?? 0) + 1;
                    var incident = await declare(db, number, time.GetUtcNow());
                    db.Incidents.Add(incident);
                    return incident;
                }, cancellationToken);
                LogDeclared(logger, incident.Id, incident.Number, actor.UserId);
                return incident;
            }
            catch (DbUpdateException) when (attempt < MaxNumberAttempts)
            {
                if (!await NumberTakenAsync(number, cancellationToken))
                {
                    throw;
                }

                // Someone declared at the same moment and took this number: take the next one.
            }
        }
    }

    internal static async Task<Incident> LoadAsync(IncidentHubDbContext db, int incidentId, CancellationToken cancellationToken) =>
        await db.Incidents
            .Include(i => i.Severity)
            .Include(i => i.Reminder)
            .Include(i => i.RoleAssignments.Where(r => r.EndedAt == null))
            .ThenInclude(r => r.RoleDefinition)
            .Include(i => i.Actions)
            .Include(i => i.StatusPeriods.Where(p => p.EndedAt == null))
            .Include(i => i.AffectedServices)
            .ThenInclude(a => a.Service)
            .Include(i => i.Type)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken)
        ?? throw new NotFoundException(IncidentAccessRules.NotFoundMessage);

    /// <summary>A change that saves something must say what happened: nothing downstream guesses it from the rows.</summary>
    private static void EnsureStated(IncidentHubDbContext db, Incident incident)
    {
        if (incident.PendingEvents.Count == 0 && db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException(
                $"A change to incident {incident.Id} saves rows but records no event. Record what happened in the aggregate method (see docs/architecture.md, \"How to add an event\").");
        }
    }

    private async Task<bool> NumberTakenAsync(int number, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Incidents.AnyAsync(i => i.Number == number, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} changed by user {UserId}")]
    private static partial void LogChanged(ILogger logger, int incidentId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} declared as number {Number} by user {UserId}")]
    private static partial void LogDeclared(ILogger logger, int incidentId, int number, string userId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Incident {IncidentId} changed underneath attempt {Attempt}; re-applying")]
    private static partial void LogRetry(ILogger logger, int incidentId, int attempt);
}
