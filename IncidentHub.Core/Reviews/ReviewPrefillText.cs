using System.Globalization;
using System.Text;
using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Reviews;

/// <summary>
/// What a new review's sections start with, from the incident's own record, in Markdown (times in UTC, named), so
/// that nobody starts from an empty page. The writers change it as they like; the incident's record is not touched.
/// </summary>
public static class ReviewPrefillText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Build(ReviewPrefill prefill, IncidentReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return prefill switch
        {
            ReviewPrefill.Summary => Summary(review),
            ReviewPrefill.CustomerImpact => Text(review.Incident.CustomerImpact, "_No customer impact was written during the incident._"),
            ReviewPrefill.Timeline => Timeline(review),
            ReviewPrefill.FollowUps => FollowUps(review),
            _ => "",
        };
    }

    private static string Summary(IncidentReview review)
    {
        var md = new StringBuilder();
        md.Append(Text(review.Incident.Summary, "_No summary was written during the incident._")).Append("\n\n");
        var d = review.Durations;
        md.Append(Culture, $"- **Time to detect:** {Span(d.TimeToDetect, "not known")}\n");
        md.Append(Culture, $"- **Time to mitigate:** {Span(d.TimeToMitigate, "not mitigated")}\n");
        md.Append(Culture, $"- **Time to resolve:** {Span(d.TimeToResolve, "not resolved")}\n");
        md.Append(d.Basis switch
        {
            DurationBasis.ImpactStarted => "\n_Measured from when impact started._\n",
            DurationBasis.Detected => "\n_Impact start was not recorded, so durations are measured from detection._\n",
            _ => "\n_Not enough key times were recorded to measure durations._\n",
        });
        var a = review.Adherence;
        md.Append(Culture, $"\n**Update cadence:** {a.OnTime} on time, {a.Late} late, {a.Skipped.Count} skipped; the longest silence was {TimeDisplay.Duration(a.LongestSilence)}.\n");
        if (review.RoleHistory.Count > 0)
        {
            md.Append("\n**Who held which role:**\n\n");
            foreach (var held in review.RoleHistory)
            {
                md.Append(Culture, $"- {OneLine(held.RoleName)}: {OneLine(held.UserName)}\n");
            }
        }

        return md.ToString().TrimEnd();
    }

    private static string Timeline(IncidentReview review)
    {
        var moments = review.KeyEvents.Select(e => (e.OccurredAt, Text: $"{(e.Text.StartsWith(e.ActorName + " ", StringComparison.Ordinal) ? "" : OneLine(e.ActorName) + ": ")}{OneLine(e.Text)}"))
            .Concat(review.Updates.Select(u => (OccurredAt: u.PostedAt, Text: $"Update from {OneLine(u.AuthorName)} ({u.Status}): {OneLine(u.Message)}")))
            .OrderBy(m => m.OccurredAt)
            .ToList();
        if (moments.Count == 0)
        {
            return "_No key events were starred and no updates were posted._";
        }

        var md = new StringBuilder("_Times in UTC._\n\n");
        foreach (var (at, text) in moments)
        {
            md.Append(Culture, $"- **{at.UtcDateTime:yyyy-MM-dd HH:mm}** {text}\n");
        }

        return md.ToString().TrimEnd();
    }

    private static string FollowUps(IncidentReview review)
    {
        var actions = review.Incident.Actions;
        if (actions.Count == 0)
        {
            return "";
        }

        var md = new StringBuilder("Actions taken during the incident:\n\n");
        foreach (var action in actions)
        {
            var box = action.Status == ActionStatus.Done ? "[x]" : "[ ]";
            var owner = action.OwnerName is { } name ? $" ({OneLine(name)})" : "";
            md.Append(Culture, $"- {box} {OneLine(action.Title)}{owner}{(action.Status == ActionStatus.NotDoing ? " (not doing)" : "")}\n");
        }

        return md.ToString().TrimEnd();
    }

    private static string Text(string text, string missing) => string.IsNullOrWhiteSpace(text) ? missing : text.Trim();

    private static string Span(TimeSpan? span, string missing) => span is { } value ? TimeDisplay.Duration(value) : missing;

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
