using IncidentHub.Core.StatusPage;

namespace IncidentHub.Core.AffectedServices;

/// <summary>
/// One service an incident affects. One row per incident and service (the key), indexed by service, so "incidents
/// affecting Ledger" is an index seek on every provider.
/// </summary>
public sealed class AffectedService
{
    private AffectedService()
    {
    }

    internal AffectedService(StatusComponent service, DateTimeOffset addedAt)
    {
        ServiceId = service.Id;
        Service = service;
        AddedAt = addedAt;
    }

    public int IncidentId { get; private set; }

    public int ServiceId { get; private set; }

    public StatusComponent Service { get; private set; } = null!;

    public DateTimeOffset AddedAt { get; private set; }
}

/// <summary>A service as an incident names it.</summary>
public sealed record AffectedServiceView(int Id, string Name, bool IsPublic, string OwnerTeam, string Link, bool IsArchived = false);
