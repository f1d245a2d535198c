using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Similar;

/// <summary>
/// An incident like the one at hand, with why it matched in plain words ("both mention 'card', 'authorisation' and
/// 'timeout'; same severity: Critical"), how long it lasted, how it ended (its last update) and its open follow-ups.
/// </summary>
public sealed record SimilarIncident(
    int Number,
    string Name,
    IncidentStatus Status,
    string SeverityName,
    int SeverityRank,
    DateTimeOffset DeclaredAt,
    TimeSpan Lasted,
    bool StillOpen,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> SharedWords,
    string? LastUpdate,
    IReadOnlyList<string> OpenActions,
    int OpenActionCount,
    double Score)
{
    public string Reference => IncidentReference.Format(Number);

    /// <summary>The reasons as one sentence.</summary>
    public string Why => string.Join("; ", Reasons);
}

/// <summary>A suggestion someone dismissed: incident <see cref="Number"/> was marked not related by <see cref="MarkedByName"/>.</summary>
public sealed record HiddenSuggestion(int Number, string Name, string MarkedByName, DateTimeOffset MarkedAt)
{
    public string Reference => IncidentReference.Format(Number);
}
