using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reminders;
using IncidentHub.Core.Reviews;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Reviews;

/// <summary>The review as a Markdown document: every part of the review, times in the named zone, people's words intact.</summary>
public abstract class ReviewMarkdownTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly TimeZoneInfo NewYork = TimeDisplay.FindZone("America/New_York");

    /// <summary>
    /// Declared 09:00 UTC (04:00 in New York) by Riley; a starred two-line note at 5; a late update at 45 (due at 30);
    /// a skipped update at 50; an action done and one not doing; resolved at 60.
    /// </summary>
    private async Task<string> ExportAsync(bool isPrivate = false, string leadName = "Riley Chen")
    {
        var riley = await Harness.CreateResponderAsync(leadName);
        var incident = await Harness.DeclareAsync(riley, "Checkout | card payments failing", configure: r =>
        {
            r.Summary = "Card payments fail.\nThe gateway answers 502.";
            r.CustomerImpact = "";
            r.IsPrivate = isPrivate;
        });
        Harness.Time.Advance(TimeSpan.FromMinutes(5));
        await Harness.Timeline.AddNoteAsync(riley, incident.Id, new AddNoteRequest { Text = "Config push removed the health check.\nRolled back at 09:04.", Highlight = true }, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(40));
        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Cause found.\n\nRolling back.", NewStatus = IncidentStatus.Fixing }, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(5));
        await Harness.Reminders.SkipAsync(riley, incident.Id, new SkipUpdateRequest { Reason = "Nothing new while the rollback runs" }, Ct);
        var done = await Harness.Actions.AddAsync(riley, incident.Id, new AddActionRequest { Title = "Alert on | missing health checks", OwnerId = riley.UserId }, Ct);
        await Harness.Actions.ChangeStatusAsync(riley, incident.Id, done, ActionStatus.Outstanding, ActionStatus.Done, Ct);
        var dropped = await Harness.Actions.AddAsync(riley, incident.Id, new AddActionRequest { Title = "Rewrite the gateway" }, Ct);
        await Harness.Actions.ChangeStatusAsync(riley, incident.Id, dropped, ActionStatus.Outstanding, ActionStatus.NotDoing, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(10));
        await Harness.MoveToAsync(riley, incident.Id, IncidentStatus.Resolved);

        var review = (await Harness.ReviewQueries.GetReviewAsync(riley, incident.Number, Ct))!;
        return ReviewMarkdown.Render(review, NewYork, Harness.Time.GetUtcNow());
    }

    [Fact]
    public async Task Render_OpensWithTheIncident_AndNamesTheTimeZone()
    {
        var markdown = await ExportAsync();

        Assert.StartsWith("# INC-1: Checkout | card payments failing\n\n- **Status:** Resolved\n- **Severity:** Major\n- **Incident lead:** Riley Chen\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Times:** America/New_York (UTC-05:00), exported 2026-11-24 05:00\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Private incident", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Not final", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WritesTimesInTheZone_AndTheDurations()
    {
        var markdown = await ExportAsync();

        Assert.Contains("| Declared | 2026-11-24 04:00 |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Resolved | 2026-11-24 05:00 |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Impact started | not set |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- Time to resolve: 1 h 00 min\n", markdown, StringComparison.Ordinal);
        Assert.Contains("_Impact start was not recorded, so durations are measured from detection._", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_QuotesPeoplesWords_KeepingEveryLine()
    {
        var markdown = await ExportAsync();

        Assert.Contains("## Summary\n\n> Card payments fail.\n> The gateway answers 502.\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Customer impact\n\nNo customer impact was written.\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains("**2026-11-24 04:45**, Riley Chen (Fixing, Major, late by 15 min)\n\n> Cause found.\n>\n> Rolling back.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- **2026-11-24 04:05** Riley Chen: Config push removed the health check.\n  Rolled back at 09:04.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- **2026-11-24 04:00** Riley Chen declared the incident", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ListsCadence_Roles_AndActions()
    {
        var markdown = await ExportAsync();

        Assert.Contains("- On time: 0\n- Late: 1\n- Skipped: 1\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- Skipped at 2026-11-24 04:50 by Riley Chen: Nothing new while the rollback runs\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Incident Lead | Riley Chen | 2026-11-24 04:00 |", markdown, StringComparison.Ordinal);
        Assert.Contains("- [x] Alert on | missing health checks, Riley Chen\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] ~~Rewrite the gateway~~ (not doing), no owner\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WritesCorrectedTimesInTheZone_AndMarksTimesAfterTheClocksChanged()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var incident = await Harness.DeclareAsync(riley, "Slow leak");
        await Harness.Incidents.CorrectTimestampAsync(riley, incident.Id, IncidentTimestamp.ImpactStarted, null, ServiceHarness.Start - TimeSpan.FromMinutes(10), Ct);
        var correction = await Harness.QueryAsync(db => Task.FromResult(db.TimelineEntries.Single(e => e.Kind == TimelineEntryKind.TimestampCorrected).Id));
        await Harness.Timeline.SetHighlightAsync(riley, incident.Id, correction, highlighted: true, Ct);
        // New York moves to daylight saving time (UTC-4) on 14 March 2027 at 07:00 UTC.
        Harness.Time.Advance(new DateTimeOffset(2027, 3, 14, 12, 0, 0, TimeSpan.Zero) - ServiceHarness.Start);
        await Harness.Updates.PostUpdateAsync(riley, incident.Id, new PostUpdateRequest { Message = "Still leaking." }, Ct);

        var review = (await Harness.ReviewQueries.GetReviewAsync(riley, incident.Number, Ct))!;
        var markdown = ReviewMarkdown.Render(review, NewYork, Harness.Time.GetUtcNow());

        Assert.Contains("(set to 2026-11-24 03:50)\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC)", markdown.Split("## Key events")[1].Split("## Update cadence")[0], StringComparison.Ordinal);
        Assert.Contains("- **Times:** America/New_York (UTC-05:00)", markdown, StringComparison.Ordinal);
        Assert.Contains("**2027-03-14 08:00 (UTC-04:00)**, Riley Chen", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Not final:** the incident is triage;", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_OfAPrivateIncident_SaysToKeepItPrivate()
    {
        var markdown = await ExportAsync(isPrivate: true);

        Assert.Contains("- **Private incident:** share this document only with the people on it.\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EscapesAPipeInATableCell_SoTheTableHolds()
    {
        var markdown = await ExportAsync(leadName: "Riley | Ops");

        Assert.Contains("| Incident Lead | Riley \\| Ops | 2026-11-24 04:00 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Declared | 2026-11-24 04:00 |", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Incident lead:** Riley | Ops\n", markdown, StringComparison.Ordinal);
    }
}

public sealed class ReviewMarkdownTests_Sqlite(SqliteTestDatabase database)
    : ReviewMarkdownTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ReviewMarkdownTests_SqlServer(SqlServerTestDatabase database)
    : ReviewMarkdownTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class ReviewMarkdownTests_PostgreSql(PostgreSqlTestDatabase database)
    : ReviewMarkdownTests(database), IClassFixture<PostgreSqlTestDatabase>;
