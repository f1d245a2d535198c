using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Search;

/// <summary>What to search for, and in which incidents (their status now, severity, when they were declared).</summary>
public sealed record SearchRequest
{
    public const int MaxPageSize = 50;

    public string? Text { get; init; }

    public IReadOnlyCollection<IncidentStatus> Statuses { get; init; } = [];

    public IReadOnlyCollection<int> SeverityIds { get; init; } = [];

    /// <summary>Declared at or after this instant.</summary>
    public DateTimeOffset? DeclaredFrom { get; init; }

    /// <summary>Declared before this instant.</summary>
    public DateTimeOffset? DeclaredBefore { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>Where in an incident the words were found.</summary>
public enum SearchMatchKind
{
    /// <summary>The incident's name, summary or customer impact.</summary>
    Details,

    /// <summary>A timeline entry: an update, a note, a mirrored Slack message, a change.</summary>
    Timeline,

    /// <summary>An action or follow-up.</summary>
    Action,

    /// <summary>A notice published to the status page.</summary>
    Notice,
}

/// <summary>A piece of a snippet: the words that matched are marked.</summary>
public sealed record SnippetPart(string Text, bool IsMatch);

/// <summary>One place in an incident where the words were found, with the text around them.</summary>
/// <param name="TimelineEntryId">The timeline entry, when the match is one (to link to it).</param>
public sealed record SearchMatch(SearchMatchKind Kind, long? TimelineEntryId, IReadOnlyList<SnippetPart> Snippet)
{
    public string Text => string.Concat(Snippet.Select(p => p.Text));
}

/// <summary>An incident that matched, with its best few matches (best first) and how many more it has.</summary>
public sealed record SearchResult(
    int Number,
    string Name,
    IncidentStatus Status,
    string SeverityName,
    int SeverityRank,
    DateTimeOffset DeclaredAt,
    bool IsPrivate,
    IReadOnlyList<SearchMatch> Matches,
    int MoreMatches)
{
    public string Reference => IncidentReference.Format(Number);
}

/// <summary>
/// A page of incidents that matched, best first. <see cref="TotalIncidents"/> counts only incidents the searcher may
/// see. <see cref="Notes"/> say what of the query was not used; <see cref="Problem"/> says why nothing was searched.
/// </summary>
public sealed record SearchResults(
    IReadOnlyList<SearchResult> Results,
    int TotalIncidents,
    int Page,
    int PageSize,
    IReadOnlyList<string> Notes,
    string? Problem)
{
    public static SearchResults Refused(string problem, IReadOnlyList<string> notes) => new([], 0, 1, 0, notes, problem);
}
