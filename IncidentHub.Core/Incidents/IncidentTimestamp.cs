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

    /// <summary>The one of four instants that <paramref name="which"/> names.</summary>
    public static DateTimeOffset? Pick(IncidentTimestamp which, DateTimeOffset? impactStarted, DateTimeOffset? detected, DateTimeOffset? mitigated, DateTimeOffset? resolved) =>
        which switch
        {
            IncidentTimestamp.ImpactStarted => impactStarted,
            IncidentTimestamp.Detected => detected,
            IncidentTimestamp.Mitigated => mitigated,
            IncidentTimestamp.Resolved => resolved,
            _ => throw new ArgumentOutOfRangeException(nameof(which)),
        };

    /// <summary>"the impact start", "the detection", ... for sentences.</summary>
    public static string Noun(this IncidentTimestamp timestamp) => timestamp switch
    {
        IncidentTimestamp.ImpactStarted => "impact start",
        IncidentTimestamp.Detected => "detection",
        IncidentTimestamp.Mitigated => "mitigation",
        IncidentTimestamp.Resolved => "resolution",
        _ => timestamp.ToString(),
    };

    /// <summary>The question a person answers when setting it: "When did the impact start?".</summary>
    public static string Question(this IncidentTimestamp timestamp) => timestamp switch
    {
        IncidentTimestamp.ImpactStarted => "When did the impact start?",
        IncidentTimestamp.Detected => "When was it detected?",
        IncidentTimestamp.Mitigated => "When was it mitigated?",
        IncidentTimestamp.Resolved => "When was it resolved?",
        _ => $"When: {timestamp}?",
    };

    /// <summary>An instant for stored timeline text, which is read in many zones: always UTC, always labelled.</summary>
    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
