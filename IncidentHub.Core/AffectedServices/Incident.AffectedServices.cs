using IncidentHub.Core.AffectedServices;
using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Timeline;

namespace IncidentHub.Core.Incidents;

public sealed partial class Incident
{
    /// <summary>The most services one incident names: more is a typing accident, not an incident.</summary>
    public const int MaxAffectedServices = 50;

    /// <summary>
    /// Sets the services this incident affects. <paramref name="expectedIds"/> is the set the editor started from: a set
    /// someone else changed meanwhile is a conflict, never a silent overwrite. Adding an archived service is refused;
    /// one already named that an admin archived since stays until someone takes it off.
    /// </summary>
    public void ChangeAffectedServices(Actor actor, IReadOnlyCollection<int> expectedIds, IReadOnlyCollection<StatusComponent> services, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(expectedIds);
        ArgumentNullException.ThrowIfNull(services);
        PermissionsFor(actor).EnsureChangeServices();

        var current = _affectedServices.Select(a => a.ServiceId).ToHashSet();
        if (!current.SetEquals(expectedIds))
        {
            throw new ConflictException(
                $"Someone else changed the affected services a moment ago (now {DescribeServices()}). Nothing was changed: check them and try again.");
        }

        var wanted = services.DistinctBy(s => s.Id).ToList();
        EnsureUsable(wanted.Where(s => !current.Contains(s.Id)).ToList());
        if (wanted.Count > MaxAffectedServices)
        {
            throw ValidationFailedException.For("ServiceIds", $"An incident can name up to {MaxAffectedServices} services.");
        }

        var wantedIds = wanted.Select(s => s.Id).ToHashSet();
        var removed = _affectedServices.Where(a => !wantedIds.Contains(a.ServiceId)).ToList();
        var added = wanted.Where(s => !current.Contains(s.Id)).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return;
        }

        foreach (var row in removed)
        {
            _affectedServices.Remove(row);
        }

        foreach (var service in added)
        {
            _affectedServices.Add(new AffectedService(service, now));
        }

        var parts = new List<string>();
        if (added.Count > 0)
        {
            parts.Add($"added {ServiceList(added.Select(s => s.Name))}");
        }

        if (removed.Count > 0)
        {
            parts.Add($"removed {ServiceList(removed.Select(r => r.Service.Name))}");
        }

        var text = $"{actor.DisplayName} {string.Join(" and ", parts)} {(added.Count + removed.Count == 1 && added.Count == 1 ? "as an affected service" : "in the affected services")}.";
        var entry = Append(new TimelineEntry(TimelineEntryKind.ServicesChanged, actor, text, now, now, "Affects " + DescribeServices()));
        Record(actor, now, entry, new AffectedServicesChanged(
            [.. added.Select(s => new ServiceRef(s.Id, s.Name))],
            [.. removed.Select(r => new ServiceRef(r.ServiceId, r.Service.Name))],
            [.. _affectedServices.Select(a => new ServiceRef(a.ServiceId, a.Service.Name))]));
        Touch(now);
    }

    private string DescribeServices() =>
        _affectedServices.Count == 0 ? "no services" : ServiceList(_affectedServices.Select(a => a.Service.Name));

    private static string ServiceList(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.OrdinalIgnoreCase).ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }

    private static void EnsureUsable(IReadOnlyCollection<StatusComponent> services)
    {
        if (services.Count > MaxAffectedServices)
        {
            throw ValidationFailedException.For("ServiceIds", $"An incident can name up to {MaxAffectedServices} services.");
        }

        if (services.FirstOrDefault(s => s.IsArchived) is { } archived)
        {
            throw ValidationFailedException.For("ServiceIds", $"{archived.Name} has been removed by an admin: pick one of the listed services.");
        }
    }
}
