using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Live;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Severities;
using IncidentHub.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Incidents;

/// <summary>Declaring incidents and changing their status, severity, details and key times.</summary>
public sealed partial class IncidentService(
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    IncidentCommandRunner runner,
    TimeProvider time,
    IIncidentChangeFeed feed,
    IEnumerable<IIncidentChangeInterceptor> interceptors,
    ILogger<IncidentService> logger)
{
    private const int MaxNumberAttempts = 5;

    public async Task<DeclaredIncident> DeclareAsync(Actor actor, DeclareIncidentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        actor.EnsureCanRespond();
        RequestValidator.Validate(request);

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var severity = await db.Severities.SingleOrDefaultAsync(s => s.Id == request.SeverityId, cancellationToken)
                ?? throw ValidationFailedException.For(nameof(request.SeverityId), "Pick one of the listed severities.");
            var lead = string.IsNullOrEmpty(request.LeadId) || request.LeadId == actor.UserId
                ? new UserRef(actor.UserId, actor.DisplayName)
                : await UserLookup.FindResponderAsync(db, request.LeadId, nameof(request.LeadId), cancellationToken);
            var roles = await db.RoleDefinitions
                .Where(r => r.Kind == IncidentRoleKind.Lead || r.Kind == IncidentRoleKind.Reporter)
                .ToListAsync(cancellationToken);
            var number = (await db.Incidents.MaxAsync(i => (int?)i.Number, cancellationToken) ?? 0) + 1;

            var incident = Incident.Declare(
                number,
                request,
                severity,
                lead,
                roles.Single(r => r.Kind == IncidentRoleKind.Lead),
                roles.Single(r => r.Kind == IncidentRoleKind.Reporter),
                actor,
                time.GetUtcNow());
            db.Incidents.Add(incident);
            var declared = new IncidentChange(0, number, IncidentChangeKind.Declared, actor.UserId, incident.IsPrivate);
            foreach (var interceptor in interceptors)
            {
                await interceptor.OnSavingAsync(db, incident, declared, cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxNumberAttempts)
            {
                if (!await NumberTakenAsync(number, cancellationToken))
                {
                    throw;
                }

                // Someone declared at the same moment and took this number: take the next one.
                continue;
            }

            LogDeclared(logger, incident.Id, incident.Number, actor.UserId);
            feed.Publish(new IncidentChange(incident.Id, incident.Number, IncidentChangeKind.Declared, actor.UserId, incident.IsPrivate));
            return new DeclaredIncident(incident.Id, incident.Number, incident.Reference);
        }
    }

    public Task ChangeStatusAsync(Actor actor, int incidentId, IncidentStatus expectedStatus, IncidentStatus newStatus, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, IncidentChangeKind.StatusChanged,
            (_, incident, now) => incident.ChangeStatus(actor, expectedStatus, newStatus, now), cancellationToken);

    public Task ChangeSeverityAsync(Actor actor, int incidentId, int expectedSeverityId, int newSeverityId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, IncidentChangeKind.SeverityChanged, async (db, incident, now) =>
        {
            var severity = await FindSeverityAsync(db, newSeverityId, cancellationToken);
            incident.ChangeSeverity(actor, expectedSeverityId, severity, now);
            return true;
        }, cancellationToken);

    public Task EditDetailsAsync(Actor actor, int incidentId, IncidentDetails expected, EditIncidentDetailsRequest request, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, IncidentChangeKind.DetailsEdited,
            (_, incident, now) => incident.EditDetails(actor, expected, request, now), cancellationToken);

    public Task CorrectTimestampAsync(
        Actor actor,
        int incidentId,
        IncidentTimestamp which,
        DateTimeOffset? expected,
        DateTimeOffset value,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, IncidentChangeKind.TimestampsChanged,
            (_, incident, now) => incident.CorrectTimestamp(actor, which, expected, value, now), cancellationToken);

    internal static async Task<Severity> FindSeverityAsync(IncidentHubDbContext db, int severityId, CancellationToken cancellationToken) =>
        await db.Severities.SingleOrDefaultAsync(s => s.Id == severityId, cancellationToken)
        ?? throw ValidationFailedException.For("SeverityId", "Pick one of the listed severities.");

    private async Task<bool> NumberTakenAsync(int number, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Incidents.AnyAsync(i => i.Number == number, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} declared as number {Number} by user {UserId}")]
    private static partial void LogDeclared(ILogger logger, int incidentId, int number, string userId);
}

public sealed record DeclaredIncident(int Id, int Number, string Reference);
