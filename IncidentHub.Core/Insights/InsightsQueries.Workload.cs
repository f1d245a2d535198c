using IncidentHub.Core.Roles;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Insights;

public sealed partial class InsightsQueries
{
    /// <summary>
    /// Who carried the period's incidents: incidents led, time holding a role while an incident ran (a person holding
    /// two roles at once counts once), how much of that was out of hours in the viewer's zone, and updates posted.
    /// The role assignments come back one row each (not one per incident): out of hours depends on time-zone rules the
    /// databases do not all know. The reporter is not a role someone works.
    /// </summary>
    private static async Task<PendingWorkload> WorkloadAsync(Scope scope, IReadOnlyDictionary<string, Posted> posted, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var now = scope.Now;
        var assignments = await (
                from r in db.RoleAssignments.AsNoTracking()
                join i in scope.All on r.IncidentId equals i.Id
                where r.RoleDefinition.Kind != IncidentRoleKind.Reporter
                select new
                {
                    r.UserId,
                    r.UserName,
                    r.RoleDefinition.Kind,
                    r.AssignedAt,
                    r.EndedAt,
                    IncidentId = i.Id,
                    i.DeclaredAt,
                    End = i.ResolvedAt ?? i.DeclinedAt,
                })
            .ToListAsync(cancellationToken);

        var people = new List<PersonWorkload>();
        var ledBy = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var userIds = assignments.Select(a => a.UserId).Concat(posted.Keys).Distinct(StringComparer.Ordinal);
        foreach (var userId in userIds)
        {
            var mine = assignments.Where(a => a.UserId == userId).ToList();
            var roleTime = TimeSpan.Zero;
            var outOfHours = TimeSpan.Zero;
            foreach (var incident in mine.GroupBy(a => a.IncidentId))
            {
                var end = incident.First().End ?? now;
                foreach (var (from, to) in Union(incident.Select(a => (a.AssignedAt, Min(a.EndedAt ?? end, end)))))
                {
                    roleTime += to - from;
                    outOfHours += OutOfHours.Within(from, to, scope.Filter.Zone);
                }
            }

            var led = mine.Where(a => a.Kind == IncidentRoleKind.Lead)
                .GroupBy(a => a.IncidentId)
                .Select(g => g.First())
                .OrderByDescending(a => a.DeclaredAt).ThenByDescending(a => a.IncidentId)
                .Select(a => a.IncidentId)
                .ToList();
            var name = mine.OrderByDescending(a => a.AssignedAt).Select(a => a.UserName).FirstOrDefault()
                ?? posted.GetValueOrDefault(userId)?.Name ?? "Someone";
            ledBy[userId] = led;
            people.Add(new PersonWorkload(userId, name, led.Count, roleTime, outOfHours, posted.GetValueOrDefault(userId)?.Count ?? 0, IncidentSample.None));
        }

        var busiest = people
            .OrderByDescending(p => p.RoleTime).ThenByDescending(p => p.UpdatesPosted).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(WorkloadInsight.MaxPeople)
            .ToList();
        return new PendingWorkload(busiest, ledBy, people.Count);
    }

    private sealed record PendingWorkload(IReadOnlyList<PersonWorkload> Busiest, IReadOnlyDictionary<string, List<int>> LedBy, int TotalPeople)
    {
        public Func<WorkloadInsight> Finish(SampleBook names)
        {
            var tickets = Busiest.Select(p => names.Add(LedBy[p.UserId])).ToList();
            return () => new WorkloadInsight([.. Busiest.Select((p, i) => p with { Led = names.Sample(tickets[i]) })], TotalPeople);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Overlapping stretches merged, empty ones dropped.</summary>
    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Union(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> spans)
    {
        (DateTimeOffset From, DateTimeOffset To)? current = null;
        foreach (var span in spans.Where(s => s.To > s.From).OrderBy(s => s.From))
        {
            if (current is { } c && span.From <= c.To)
            {
                current = (c.From, span.To > c.To ? span.To : c.To);
                continue;
            }

            if (current is { } done)
            {
                yield return done;
            }

            current = span;
        }

        if (current is { } last)
        {
            yield return last;
        }
    }
}
