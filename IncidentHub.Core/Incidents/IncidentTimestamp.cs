namespace IncidentHub.Core.Incidents;

/// <summary>The key moments of an incident that a lead may correct after the fact.</summary>
public enum IncidentTimestamp
{
    ImpactStarted,
    Detected,
    Mitigated,
    Resolved,
}

public static class IncidentTimestamps
{
    public static IReadOnlyList<IncidentTimestamp> All { get; } = Enum.GetValues<IncidentTimestamp>();

    public static string Label(this IncidentTimestamp timestamp) => timestamp switch
    {
        IncidentTimestamp.ImpactStarted => "Impact started",
        IncidentTimestamp.Detected => "Detected",
        IncidentTimestamp.Mitigated => "Mitigated",
        IncidentTimestamp.Resolved => "Resolved",
        _ => timestamp.ToString(),
    };
}
