using IncidentHub.Core.Common;
using IncidentHub.Core.Similar;

namespace IncidentHub.Core.Chat;

/// <summary>
/// The message an incident's channel gets once at declaration: similar past incidents, each with why it matched, how
/// long it lasted and its open follow-ups, as links into IncidentHub (the adapter makes the links).
/// </summary>
public static class SimilarPost
{
    public static PostOperation For(IReadOnlyList<SimilarIncident> similar)
    {
        ArgumentNullException.ThrowIfNull(similar);
        var items = similar.Take(SimilarIncidentQueries.MaxResults).Select(s => new PostLink(s.Number, $"{s.Reference}: {s.Name}", Detail(s))).ToList();
        return new PostOperation(
            "Similar past incidents",
            Context: "Suggested by IncidentHub from the name, summary and customer impact. Mark one “not related” on the incident's page.",
            Links: items);
    }

    private static string Detail(SimilarIncident s)
    {
        var why = s.Why.Length == 0 ? "" : char.ToUpperInvariant(s.Why[0]) + s.Why[1..] + ". ";
        var lasted = s.StillOpen ? $"Still open after {TimeDisplay.Duration(s.Lasted)} ({s.Status})." : $"Lasted {TimeDisplay.Duration(s.Lasted)} ({s.Status}).";
        var followUps = s.OpenActionCount == 0
            ? " No open follow-ups."
            : $" Open follow-ups: {string.Join("; ", s.OpenActions)}{(s.OpenActionCount > s.OpenActions.Count ? $" and {s.OpenActionCount - s.OpenActions.Count} more" : "")}.";
        return why + lasted + followUps;
    }
}
