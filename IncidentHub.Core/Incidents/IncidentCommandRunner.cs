using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Incidents;

/// <summary>
/// Runs one change to one incident: checks the actor, loads the aggregate in a fresh context, applies the change,
/// saves in one transaction and announces it. When the incident moved underneath between load and save, the change is
/// re-applied to the fresh state, where the aggregate's own checks turn a real conflict into a clear message.
/// </summary>
public sealed partial class IncidentCommandRunner(
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    TimeProvider time,
    IIncidentChangeFeed feed,
    IEnumerable<IIncidentChangeInterceptor> interceptors,
    ILogger<IncidentCommandRunner> logger)
{
    private const int MaxAttempts = 3;

    public async Task<T> RunAsync<T>(
        Actor actor,
        int incidentId,
        IncidentChangeKind kind,
        Func<IncidentHubDbContext, Incident, DateTimeOffset, Task<T>> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        actor.EnsureCanRespond();

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var incident = await LoadAsync(db, incidentId, cancellationToken);
            if (incident.IsPrivate && !await IncidentAccessRules.CanSeeAsync(db, actor, incident.Id, cancellationToken))
            {
                // The same answer as for an incident that does not exist.
                throw new NotFoundException(IncidentAccessRules.NotFoundMessage);
            }

            var now = time.GetUtcNow();
            var result = await change(db, incident, now);
            var announced = new IncidentChange(incident.Id, incident.Number, kind, actor.UserId, incident.IsPrivate);
            foreach (var interceptor in interceptors)
            {
                await interceptor.OnSavingAsync(db, incident, announced, cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                LogRetry(logger, incidentId, attempt);
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException("Several people are changing this incident at once. Nothing was changed: look at the latest state and try again.");
            }

            LogChanged(logger, incident.Id, kind, actor.UserId);
            feed.Publish(announced);
            return result;
        }
    }

    public Task RunAsync(
        Actor actor,
        int incidentId,
        IncidentChangeKind kind,
        Action<IncidentHubDbContext, Incident, DateTimeOffset> change,
        CancellationToken cancellationToken = default) =>
        RunAsync(actor, incidentId, kind, (db, incident, now) =>
        {
            change(db, incident, now);
            return Task.FromResult(true);
        }, cancellationToken);

    internal static async Task<Incident> LoadAsync(IncidentHubDbContext db, int incidentId, CancellationToken cancellationToken) =>
        await db.Incidents
            .Include(i => i.Severity)
            .Include(i => i.Reminder)
            .Include(i => i.RoleAssignments.Where(r => r.EndedAt == null))
            .ThenInclude(r => r.RoleDefinition)
            .Include(i => i.Actions)
            .Include(i => i.StatusPeriods.Where(p => p.EndedAt == null))
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken)
        ?? throw new NotFoundException(IncidentAccessRules.NotFoundMessage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} changed ({Kind}) by user {UserId}")]
    private static partial void LogChanged(ILogger logger, int incidentId, IncidentChangeKind kind, string userId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Incident {IncidentId} changed underneath attempt {Attempt}; re-applying")]
    private static partial void LogRetry(ILogger logger, int incidentId, int attempt);
}
