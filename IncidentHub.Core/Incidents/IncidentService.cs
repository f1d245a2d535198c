using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Severities;
using IncidentHub.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Incidents;

/// <summary>Declaring incidents and changing their status, severity, details and key times.</summary>
public sealed class IncidentService(IncidentCommandRunner runner, IncidentTypes.IncidentTypeService types)
{
    public async Task<DeclaredIncident> DeclareAsync(Actor actor, DeclareIncidentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        actor.EnsureCanDeclare();
        await types.FillDefaultSeverityAsync(request, cancellationToken);
        RequestValidator.Validate(request);

        var incident = await runner.DeclareAsync(actor, async (db, number, now) =>
        {
            var type = await IncidentTypes.IncidentTypeReads.ForDeclarationAsync(db, request.TypeId, cancellationToken);
            var severityId = request.SeverityId ?? type?.DefaultSeverityId
                ?? throw ValidationFailedException.For(nameof(request.SeverityId), "Pick a severity.");
            var severity = await db.Severities.SingleOrDefaultAsync(s => s.Id == severityId, cancellationToken)
                ?? throw ValidationFailedException.For(nameof(request.SeverityId), "Pick one of the listed severities.");
            var lead = string.IsNullOrEmpty(request.LeadId) || request.LeadId == actor.UserId
                ? new UserRef(actor.UserId, actor.DisplayName)
                : await UserLookup.FindPersonAsync(db, request.LeadId, nameof(request.LeadId), cancellationToken);
            var services = await FindServicesAsync(db, request.ServiceIds, cancellationToken);
            var roles = await db.RoleDefinitions
                .Where(r => r.Kind == IncidentRoleKind.Lead || r.Kind == IncidentRoleKind.Reporter)
                .ToListAsync(cancellationToken);
            return Incident.Declare(
                number,
                request,
                severity,
                lead,
                roles.Single(r => r.Kind == IncidentRoleKind.Lead),
                roles.Single(r => r.Kind == IncidentRoleKind.Reporter),
                actor,
                now,
                services,
                type);
        }, cancellationToken);
        return new DeclaredIncident(incident.Id, incident.Number, incident.Reference, incident.IsPrivate);
    }

    public Task ChangeStatusAsync(Actor actor, int incidentId, IncidentStatus expectedStatus, IncidentStatus newStatus, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, (_, incident, now) => incident.ChangeStatus(actor, expectedStatus, newStatus, now), cancellationToken);

    public Task ChangeSeverityAsync(Actor actor, int incidentId, int expectedSeverityId, int newSeverityId, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var severity = await FindSeverityAsync(db, newSeverityId, cancellationToken);
            incident.ChangeSeverity(actor, expectedSeverityId, severity, now);
            return true;
        }, cancellationToken);

    public Task EditDetailsAsync(Actor actor, int incidentId, IncidentDetails expected, EditIncidentDetailsRequest request, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, (_, incident, now) => incident.EditDetails(actor, expected, request, now), cancellationToken);

    public Task CorrectTimestampAsync(
        Actor actor,
        int incidentId,
        IncidentTimestamp which,
        DateTimeOffset? expected,
        DateTimeOffset value,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, (_, incident, now) => incident.CorrectTimestamp(actor, which, expected, value, now), cancellationToken);

    /// <summary>Sets the services the incident affects; <paramref name="expectedIds"/> is the set the editor saw.</summary>
    public Task ChangeAffectedServicesAsync(
        Actor actor,
        int incidentId,
        IReadOnlyCollection<int> expectedIds,
        IReadOnlyCollection<int> serviceIds,
        CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var services = await FindServicesAsync(db, serviceIds, cancellationToken);
            incident.ChangeAffectedServices(actor, expectedIds, services, now);
            return true;
        }, cancellationToken);

    /// <summary>
    /// The lead (or an admin) changes the incident's type; <paramref name="expectedTypeId"/> is the one they saw.
    /// Returns the new type's defaults the incident does not follow (not applied: the lead decides).
    /// </summary>
    public async Task<IReadOnlyList<string>> ChangeTypeAsync(Actor actor, int incidentId, int? expectedTypeId, int typeId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> differences = [];
        await runner.RunAsync(actor, incidentId, async (db, incident, now) =>
        {
            var type = await db.IncidentTypes.SingleOrDefaultAsync(t => t.Id == typeId, cancellationToken)
                ?? throw ValidationFailedException.For("TypeId", "Pick one of the listed types.");
            var view = await IncidentTypes.IncidentTypeReads.ViewAsync(db, type, cancellationToken);
            differences = incident.ChangeType(actor, expectedTypeId, type, view, now);
            return true;
        }, cancellationToken);
        return differences;
    }

    internal static async Task<IReadOnlyCollection<StatusPage.StatusComponent>> FindServicesAsync(
        IncidentHubDbContext db,
        IReadOnlyCollection<int>? serviceIds,
        CancellationToken cancellationToken)
    {
        var ids = (serviceIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        if (ids.Count > Incident.MaxAffectedServices)
        {
            throw ValidationFailedException.For("ServiceIds", $"An incident can name up to {Incident.MaxAffectedServices} services.");
        }

        var services = await db.StatusComponents.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        if (services.Count != ids.Count)
        {
            throw ValidationFailedException.For("ServiceIds", "One of the services is no longer listed: pick from the list again.");
        }

        return services;
    }

    internal static async Task<Severity> FindSeverityAsync(IncidentHubDbContext db, int severityId, CancellationToken cancellationToken) =>
        await db.Severities.SingleOrDefaultAsync(s => s.Id == severityId, cancellationToken)
        ?? throw ValidationFailedException.For("SeverityId", "Pick one of the listed severities.");
}

/// <param name="IsPrivate">Whether it is private (asked for, or its type's default).</param>
public sealed record DeclaredIncident(int Id, int Number, string Reference, bool IsPrivate = false);
