namespace IncidentHub.Core.StatusPage;

/// <summary>How a public service is doing, in Statuspage's words. Declared from least to most serious.</summary>
public enum ComponentState
{
    Operational,
    UnderMaintenance,
    DegradedPerformance,
    PartialOutage,
    MajorOutage,
}

/// <summary>Where a public notice is, in the words customers expect.</summary>
public enum PublicStatus
{
    Investigating,
    Identified,
    Monitoring,
    Resolved,
}

public static class StatusWords
{
    public static string Label(this ComponentState state) => state switch
    {
        ComponentState.Operational => "Operational",
        ComponentState.UnderMaintenance => "Under maintenance",
        ComponentState.DegradedPerformance => "Degraded performance",
        ComponentState.PartialOutage => "Partial outage",
        ComponentState.MajorOutage => "Major outage",
        _ => state.ToString(),
    };

    /// <summary>The headline for the whole page.</summary>
    public static string Overall(ComponentState worst, bool anyActiveNotice) => worst switch
    {
        ComponentState.MajorOutage => "Major outage",
        ComponentState.PartialOutage => "Partial outage",
        ComponentState.DegradedPerformance => "Degraded performance",
        ComponentState.UnderMaintenance => "Under maintenance",
        _ when anyActiveNotice => "We are looking into an issue",
        _ => "All systems operational",
    };

    /// <summary>snake_case names for the JSON summary, as Statuspage uses.</summary>
    public static string Code(this ComponentState state) => state switch
    {
        ComponentState.Operational => "operational",
        ComponentState.UnderMaintenance => "under_maintenance",
        ComponentState.DegradedPerformance => "degraded_performance",
        ComponentState.PartialOutage => "partial_outage",
        ComponentState.MajorOutage => "major_outage",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Code(this PublicStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>
    /// The public status that matches where the incident is, which the publish form offers first. A first notice
    /// cannot be resolved (customers hear of the problem first), so a resolved incident never yet public offers Monitoring.
    /// </summary>
    public static PublicStatus PublicStatusFor(Incidents.IncidentStatus status, bool alreadyPublished) => status switch
    {
        Incidents.IncidentStatus.Fixing => PublicStatus.Identified,
        Incidents.IncidentStatus.Monitoring => PublicStatus.Monitoring,
        Incidents.IncidentStatus.Resolved or Incidents.IncidentStatus.Closed => alreadyPublished ? PublicStatus.Resolved : PublicStatus.Monitoring,
        _ => PublicStatus.Investigating,
    };
}
