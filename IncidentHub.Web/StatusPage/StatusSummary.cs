using IncidentHub.Core.StatusPage;

namespace IncidentHub.Web.StatusPage;

/// <summary>The machine-readable status, shaped like Statuspage's summary.json.</summary>
public sealed record StatusSummary(
    StatusSummary.OverallStatus Status,
    IReadOnlyList<StatusSummary.Component> Components,
    IReadOnlyList<StatusSummary.Incident> Incidents,
    DateTimeOffset UpdatedAt)
{
    public static StatusSummary From(StatusSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new StatusSummary(
            new OverallStatus(snapshot.Worst.Code(), snapshot.Headline),
            snapshot.Components.Select(c => new Component(c.Name, c.Description, c.State.Code(), Uptime.Percent(c.Uptime))).ToList(),
            snapshot.Active.Select(i => new Incident(
                    i.Id,
                    i.Title,
                    i.Status.Code(),
                    i.StartedAt,
                    i.Affected.Select(a => new AffectedComponent(a.Name, a.State.Code())).ToList(),
                    i.Updates.Select(u => new Update(u.Status.Code(), u.Title, u.Message, u.PublishedAt)).ToList()))
                .ToList(),
            snapshot.GeneratedAt);
    }

    public sealed record OverallStatus(string Indicator, string Description);

    public sealed record Component(string Name, string Description, string Status, double UptimePercent90Days);

    public sealed record Incident(int Id, string Name, string Status, DateTimeOffset StartedAt, IReadOnlyList<AffectedComponent> Components, IReadOnlyList<Update> Updates);

    public sealed record AffectedComponent(string Name, string Status);

    public sealed record Update(string Status, string Title, string Body, DateTimeOffset CreatedAt);
}
