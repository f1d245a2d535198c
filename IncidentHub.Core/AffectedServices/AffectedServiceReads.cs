using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.AffectedServices;

/// <summary>The services of a page of incidents, in one query (the incident ids are ones the reader may already see).</summary>
internal static class AffectedServiceReads
{
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<AffectedServiceView>>> ForIncidentsAsync(
        IncidentHubDbContext db,
        IReadOnlyCollection<int> incidentIds,
        CancellationToken cancellationToken)
    {
        if (incidentIds.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<AffectedServiceView>>();
        }

        var ids = incidentIds.ToList();
        var rows = await db.AffectedServices.AsNoTracking()
            .Where(a => ids.Contains(a.IncidentId))
            .OrderBy(a => a.Service.SortOrder).ThenBy(a => a.Service.Name)
            .Select(a => new
            {
                a.IncidentId,
                View = new AffectedServiceView(a.ServiceId, a.Service.Name, a.Service.IsPublic, a.Service.OwnerTeam, a.Service.Link, a.Service.IsArchived),
            })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.IncidentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AffectedServiceView>)[.. g.Select(r => r.View)]);
    }

    public static IReadOnlyList<AffectedServiceView> Of(this IReadOnlyDictionary<int, IReadOnlyList<AffectedServiceView>> map, int incidentId) =>
        map.TryGetValue(incidentId, out var list) ? list : [];
}
