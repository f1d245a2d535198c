namespace IncidentHub.Core.Incidents;

/// <summary>Facts about an incident's status; who may do what is <see cref="IncidentPermissions"/>.</summary>
public static class IncidentRules
{
    /// <summary>Closed and Declined: the record is finished.</summary>
    public static bool IsFinal(IncidentStatus status) => status is IncidentStatus.Closed or IncidentStatus.Declined;

    /// <summary>How long it has been open (active) or lasted (finished).</summary>
    public static TimeSpan OpenFor(DateTimeOffset declaredAt, DateTimeOffset? endedAt, DateTimeOffset now)
    {
        var span = (endedAt ?? now) - declaredAt;
        return span < TimeSpan.Zero ? TimeSpan.Zero : span;
    }
}
