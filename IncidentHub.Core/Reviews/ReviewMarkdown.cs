using System.Globalization;
using System.Text;
using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;

namespace IncidentHub.Core.Reviews;

/// <summary>
/// The review as a Markdown document, the starting point of a post-mortem that people paste into their wiki or
/// docs tool. Times are written in full (date and time) in one time zone that the document names. People's words are
/// kept as they wrote them, quoted; only table cells are escaped so that a "|" cannot break a table.
/// </summary>
public static class ReviewMarkdown
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The file name a download should get, e.g. "INC-12-review.md".</summary>
    public static string FileName(IncidentReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return $"{review.Incident.Reference}-review.md";
    }

    public static string Render(IncidentReview review, TimeZoneInfo zone, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(zone);
        var incident = review.Incident;
        var usualOffset = zone.GetUtcOffset(incident.DeclaredAt);

        // A time whose offset differs from the header's (the clocks changed during the incident) carries its own.
        string At(DateTimeOffset instant)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone);
            var text = local.ToString("yyyy-MM-dd HH:mm", Culture);
            return local.Offset == usualOffset ? text : $"{text} ({Offset(local.Offset)})";
        }

        string AtOr(DateTimeOffset? instant, string missing) => instant is { } value ? At(value) : missing;

        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {incident.Reference}: {OneLine(incident.Name)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- **Status:** {incident.Status}\n");
        md.Append(CultureInfo.InvariantCulture, $"- **Severity:** {OneLine(incident.Severity.Name)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- **Incident lead:** {OneLine(incident.LeadName)}\n");
        if (incident.IsPrivate)
        {
            md.Append("- **Private incident:** share this document only with the people on it.\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"- **Times:** {zone.Id} ({Offset(usualOffset)}), exported {At(exportedAt)}\n");
        if (incident.Status == IncidentStatus.Declined)
        {
            md.Append("- **Declined:** not an incident after all; what was recorded before it was declined is below.\n");
        }
        else if (!incident.Status.HasReview())
        {
            md.Append(CultureInfo.InvariantCulture,
                $"- **Not final:** the incident is {incident.Status.ToString().ToLowerInvariant()}; this is what was known when it was exported.\n");
        }

        md.Append('\n');

        if (review.Document is { } document)
        {
            WrittenReview(md, document, At);
            md.Append("# The incident's record\n\n");
        }

        Section(md, "Summary");
        Quote(md, incident.Summary, "No summary was written.");
        Section(md, "Customer impact");
        Quote(md, incident.CustomerImpact, "No customer impact was written.");

        Section(md, "Durations");
        md.Append(CultureInfo.InvariantCulture, $"- Time to detect: {Duration(review.Durations.TimeToDetect, "not known (impact start not set)")}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Time to mitigate: {Duration(review.Durations.TimeToMitigate, "not mitigated")}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Time to resolve: {Duration(review.Durations.TimeToResolve, "not resolved")}\n\n");
        md.Append(review.Durations.Basis switch
        {
            DurationBasis.ImpactStarted => "_Measured from when impact started._\n\n",
            DurationBasis.Detected => "_Impact start was not recorded, so durations are measured from detection._\n\n",
            _ => "_Not enough key times were recorded to measure durations._\n\n",
        });

        Section(md, "Key times");
        md.Append("| Moment | Time |\n|---|---|\n");
        md.Append(CultureInfo.InvariantCulture, $"| Declared | {At(incident.DeclaredAt)} |\n");
        foreach (var which in IncidentTimestamps.All)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {which.Label()} | {AtOr(incident.Get(which), "not set")} |\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"| Closed | {AtOr(incident.ClosedAt, "not closed")} |\n\n");

        Section(md, "Key events");
        if (review.KeyEvents.Count == 0)
        {
            md.Append("No key events were marked.\n\n");
        }

        foreach (var entry in review.KeyEvents)
        {
            var detail = EntryDetail(entry, At) is { Length: > 0 } text ? $" ({text})" : "";
            // "Riley Chen accepted the incident" names its actor already; a note or an update does not.
            var who = entry.Text.StartsWith(entry.ActorName + " ", StringComparison.Ordinal) ? "" : $"{OneLine(entry.ActorName)}: ";
            md.Append(CultureInfo.InvariantCulture, $"- **{At(entry.OccurredAt)}** {who}{Indented(entry.Text)}{detail}\n");
        }

        md.Append('\n');
        Section(md, "Update cadence");
        var adherence = review.Adherence;
        md.Append(CultureInfo.InvariantCulture, $"- On time: {adherence.OnTime}\n- Late: {adherence.Late}\n- Skipped: {adherence.Skipped.Count}\n");
        md.Append(CultureInfo.InvariantCulture,
            $"- Longest silence: {TimeDisplay.Duration(adherence.LongestSilence)} ({At(adherence.LongestSilenceFrom)} to {At(adherence.LongestSilenceTo)})\n");
        foreach (var skip in adherence.Skipped)
        {
            md.Append(CultureInfo.InvariantCulture, $"- Skipped at {At(skip.At)} by {OneLine(skip.By)}: {Indented(skip.Reason)}\n");
        }

        md.Append('\n');
        Section(md, $"Updates ({review.Updates.Count})");
        if (review.Updates.Count == 0)
        {
            md.Append("No updates were posted.\n\n");
        }

        foreach (var update in review.Updates)
        {
            var late = update.WasLate ? $", late by {TimeDisplay.Duration(update.PostedAt - update.DueAt!.Value, coarse: true)}" : "";
            md.Append(CultureInfo.InvariantCulture,
                $"**{At(update.PostedAt)}**, {OneLine(update.AuthorName)} ({update.Status}, {OneLine(update.SeverityName)}{late})\n\n");
            Quote(md, update.Message, "");
        }

        Section(md, "Who held which role");
        md.Append("| Role | Person | From | Until |\n|---|---|---|---|\n");
        foreach (var held in review.RoleHistory)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(held.RoleName)} | {Cell(held.UserName)} | {At(held.From)} | {AtOr(held.Until, "still holds it")} |\n");
        }

        md.Append('\n');
        Section(md, "Actions");
        if (incident.Actions.Count == 0)
        {
            md.Append("No actions were recorded.\n");
        }

        foreach (var action in incident.Actions)
        {
            var box = action.Status == ActionStatus.Done ? "[x]" : "[ ]";
            var title = action.Status == ActionStatus.NotDoing ? $"~~{OneLine(action.Title)}~~ (not doing)" : OneLine(action.Title);
            var owner = action.OwnerName is { } name ? $", {OneLine(name)}" : ", no owner";
            md.Append(CultureInfo.InvariantCulture, $"- {box} {title}{owner}\n");
        }

        return md.ToString();
    }

    /// <summary>The sections as the team wrote them, disarmed for tools that render raw HTML.</summary>
    private static void WrittenReview(StringBuilder md, ReviewDocumentView document, Func<DateTimeOffset, string> at)
    {
        var state = document.PublishedAt is { } published
            ? $"{document.State.Label()} {at(published)} by {OneLine(document.PublishedByName ?? document.OwnerName)}"
            : document.State.Label();
        md.Append(CultureInfo.InvariantCulture, $"- **Review:** {state}, owned by {OneLine(document.OwnerName)}\n");
        foreach (var reviewer in document.Reviewers)
        {
            md.Append(CultureInfo.InvariantCulture, $"- **Reviewer:** {OneLine(reviewer.UserName)}, {reviewer.Verdict.Label().ToLowerInvariant()}\n");
        }

        md.Append('\n');
        foreach (var section in document.Sections)
        {
            Section(md, OneLine(section.Title));
            md.Append(string.IsNullOrWhiteSpace(section.Body) ? "_Not written._" : Markdown.MarkdownForExport.Defang(section.Body.Trim())).Append("\n\n");
        }
    }

    /// <summary>
    /// The small print under an entry. Times recorded on the entry are written in the document's zone, as the page
    /// shows them in the viewer's; the stored detail text has them in UTC.
    /// </summary>
    private static string EntryDetail(TimelineEntryView entry, Func<DateTimeOffset, string> at) => entry.TimeAfter switch
    {
        { } after when entry.Kind == TimelineEntryKind.TimestampCorrected && entry.TimeBefore is { } before => $"was {at(before)}, now {at(after)}",
        { } after when entry.Kind == TimelineEntryKind.TimestampCorrected => $"set to {at(after)}",
        { } after => $"next update due {at(after)}",
        null => string.IsNullOrWhiteSpace(entry.Detail) ? "" : OneLine(entry.Detail),
    };

    private static string Offset(TimeSpan offset) =>
        "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", Culture);

    private static void Section(StringBuilder md, string title) => md.Append(CultureInfo.InvariantCulture, $"## {title}\n\n");

    private static void Quote(StringBuilder md, string? text, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (missing.Length > 0)
            {
                md.Append(missing).Append("\n\n");
            }

            return;
        }

        foreach (var line in Lines(Markdown.MarkdownForExport.Defang(text)))
        {
            md.Append(line.Length == 0 ? ">" : "> " + line).Append('\n');
        }

        md.Append('\n');
    }

    private static string Duration(TimeSpan? span, string missing) => span is { } value ? TimeDisplay.Duration(value) : missing;

    private static IEnumerable<string> Lines(string text) => text.Trim().ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd());

    /// <summary>Text for a heading or a short field: one line.</summary>
    private static string OneLine(string text) => Markdown.MarkdownForExport.Defang(OneLineAsWritten(text));

    private static string OneLineAsWritten(string text) => string.Join(' ', Lines(text).Where(l => l.Length > 0));

    /// <summary>Text inside a list item: later lines are indented so they stay in the item.</summary>
    private static string Indented(string text) => string.Join("\n  ", Lines(Markdown.MarkdownForExport.Defang(text)));

    /// <summary>Text in a table cell: one line, and a "|" cannot end the cell.</summary>
    private static string Cell(string text) =>
        Markdown.MarkdownForExport.Defang(OneLineAsWritten(text).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal));
}
