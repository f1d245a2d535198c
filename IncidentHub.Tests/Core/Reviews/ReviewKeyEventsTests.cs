using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reviews;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Reviews;

/// <summary>The review's key events: starred, unstarred and reworded for the review only, recorded, the incident's record untouched.</summary>
public abstract class ReviewKeyEventsTests(TestDatabase database) : DatabaseTest(database)
{
    private ReviewService Reviews => Harness.Get<ReviewService>();

    private ReviewQueries Queries => Harness.Get<ReviewQueries>();

    private async Task<(Actor Lead, DeclaredIncident Incident, long NoteId)> StartedAsync()
    {
        var lead = await Harness.CreateResponderAsync("Riley Chen");
        var incident = await Harness.DeclareAsync(lead);
        var noteId = await Harness.Get<TimelineService>().AddNoteAsync(lead, incident.Id, new AddNoteRequest { Text = "Rolled back deploy 4512." }, Ct);
        await Harness.MoveToAsync(lead, incident.Id, IncidentStatus.Resolved);
        await Reviews.StartAsync(lead, incident.Id, Ct);
        return (lead, incident, noteId);
    }

    private async Task<ReviewKeyEventList> ListAsync(Actor viewer, int incidentId, bool includeOthers = false) =>
        await Queries.GetKeyEventsAsync(viewer, incidentId, includeOthers, cancellationToken: Ct) ?? throw new InvalidOperationException("No review.");

    private Task<List<string>> KindsAsync(int incidentId) =>
        Harness.QueryAsync(db => db.EventLog.Where(e => e.IncidentId == incidentId && e.Kind.StartsWith("review.key_event")).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync(Ct));

    [Fact]
    public async Task TheReviewStartsFromTheIncidentsKeyEvents_AndStarringForTheReviewLeavesTheIncidentsStarsAlone()
    {
        var (lead, incident, noteId) = await StartedAsync();
        var start = await ListAsync(lead, incident.Id, includeOthers: true);
        var declared = start.KeyEvents.First();
        Assert.Equal(TimelineEntryKind.Declared, declared.Kind);
        Assert.DoesNotContain(start.KeyEvents, k => k.EntryId == noteId);
        Assert.Contains(start.Others, k => k.EntryId == noteId);
        var timelineEntries = await Harness.QueryAsync(db => db.TimelineEntries.CountAsync(e => e.IncidentId == incident.Id, Ct));

        await Reviews.StarKeyEventAsync(lead, incident.Id, noteId, true, Ct);
        await Reviews.StarKeyEventAsync(lead, incident.Id, declared.EntryId, false, Ct);
        await Reviews.StarKeyEventAsync(lead, incident.Id, declared.EntryId, false, Ct);

        var after = await ListAsync(lead, incident.Id);
        var note = Assert.Single(after.KeyEvents, k => k.EntryId == noteId);
        Assert.True(note.DiffersFromIncident);
        Assert.Equal("Riley Chen", note.EditedByName);
        Assert.DoesNotContain(after.KeyEvents, k => k.EntryId == declared.EntryId);
        // The incident's own record: the note is not a key event there, the declaration still is, nothing added to the timeline.
        Assert.False(await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.Id == noteId).Select(e => e.IsHighlighted).SingleAsync(Ct)));
        Assert.True(await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.Id == declared.EntryId).Select(e => e.IsHighlighted).SingleAsync(Ct)));
        Assert.Equal(timelineEntries, await Harness.QueryAsync(db => db.TimelineEntries.CountAsync(e => e.IncidentId == incident.Id, Ct)));
        // Recorded once per change (unstarring what is already unstarred records nothing).
        Assert.Equal(["review.key_event_starred", "review.key_event_starred"], await KindsAsync(incident.Id));
        // What the review tells (the download, the record it is built from) follows the review's choice.
        var record = await Queries.GetReviewAsync(lead, incident.Number, Ct);
        Assert.Contains(record!.KeyEvents, e => e.Id == noteId);
        Assert.DoesNotContain(record.KeyEvents, e => e.Id == declared.EntryId);
    }

    [Fact]
    public async Task Rewording_ChangesTheReviewsWordsOnly_AndBlankGoesBackToTheTimelines()
    {
        var (lead, incident, noteId) = await StartedAsync();
        await Reviews.StarKeyEventAsync(lead, incident.Id, noteId, true, Ct);
        var sam = await Harness.CreateResponderAsync("Sam Okafor");

        await Reviews.RewordKeyEventAsync(sam, incident.Id, new() { EntryId = noteId, SeenText = "Rolled back deploy 4512.", Wording = "  We rolled back the faulty payments deploy.  " }, Ct);

        var note = (await ListAsync(lead, incident.Id)).KeyEvents.Single(k => k.EntryId == noteId);
        Assert.Equal("We rolled back the faulty payments deploy.", note.Text);
        Assert.Equal("Rolled back deploy 4512.", note.OriginalText);
        Assert.Equal("Sam Okafor", note.EditedByName);
        Assert.Equal("Rolled back deploy 4512.", await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.Id == noteId).Select(e => e.Text).SingleAsync(Ct)));
        var record = (await Queries.GetReviewAsync(lead, incident.Number, Ct))!;
        var markdown = ReviewMarkdown.Render(record, TimeZoneInfo.Utc, Harness.Time.GetUtcNow());
        Assert.Contains("We rolled back the faulty payments deploy.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Rolled back deploy 4512.", markdown, StringComparison.Ordinal);
        var timeline = await Queries.BuildTimelineSectionAsync(lead, incident.Number, Ct);
        Assert.Contains("We rolled back the faulty payments deploy.", timeline, StringComparison.Ordinal);

        await Reviews.RewordKeyEventAsync(lead, incident.Id, new() { EntryId = noteId, SeenText = note.Text, Wording = " " }, Ct);

        var back = (await ListAsync(lead, incident.Id)).KeyEvents.Single(k => k.EntryId == noteId);
        Assert.False(back.IsReworded);
        Assert.Equal("Rolled back deploy 4512.", back.Text);
        Assert.Equal(["review.key_event_starred", "review.key_event_reworded", "review.key_event_reworded"], await KindsAsync(incident.Id));
    }

    [Fact]
    public async Task TheSecondWriterToRewordOneEvent_IsTold_AndTheFirstWordsStay()
    {
        var (lead, incident, noteId) = await StartedAsync();
        await Reviews.StarKeyEventAsync(lead, incident.Id, noteId, true, Ct);
        var sam = await Harness.CreateResponderAsync("Sam Okafor");

        await Reviews.RewordKeyEventAsync(lead, incident.Id, new() { EntryId = noteId, SeenText = "Rolled back deploy 4512.", Wording = "Riley's words" }, Ct);
        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            Reviews.RewordKeyEventAsync(sam, incident.Id, new() { EntryId = noteId, SeenText = "Rolled back deploy 4512.", Wording = "Sam's words" }, Ct));

        Assert.Contains("Riley Chen reworded this key event", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Riley's words", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Riley's words", (await ListAsync(lead, incident.Id)).KeyEvents.Single(k => k.EntryId == noteId).Text);
    }

    [Fact]
    public async Task Curating_IsRefused_WhenPublished_ToAViewer_ForAnUnstarredEntry_AndForAnotherIncidentsEntry()
    {
        var (lead, incident, noteId) = await StartedAsync();
        var viewer = await Harness.CreateViewerAsync();
        var other = await Harness.DeclareAsync(lead);
        var otherEntry = await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.IncidentId == other.Id).Select(e => e.Id).FirstAsync(Ct));

        await Assert.ThrowsAsync<ForbiddenException>(() => Reviews.StarKeyEventAsync(viewer, incident.Id, noteId, true, Ct));
        var unstarred = await Assert.ThrowsAsync<DomainException>(() =>
            Reviews.RewordKeyEventAsync(lead, incident.Id, new() { EntryId = noteId, SeenText = "Rolled back deploy 4512.", Wording = "x" }, Ct));
        Assert.Contains("star the entry for the review first", unstarred.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => Reviews.StarKeyEventAsync(lead, incident.Id, otherEntry, true, Ct));
        var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Reviews.RewordKeyEventAsync(lead, incident.Id, new() { EntryId = noteId, SeenText = "", Wording = new string('x', TextLimits.LongText + 1) }, Ct));
        Assert.Contains("Wording", tooLong.Errors.Keys);

        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var document = (await Queries.GetDocumentAsync(lead, incident.Id, Ct))!;
        await Reviews.RequestReviewAsync(lead, incident.Id, document.Version, [sam.UserId], Ct);
        await Reviews.AnswerAsync(sam, incident.Id, new() { Verdict = ReviewVerdict.Approved }, Ct);
        await Reviews.PublishAsync(lead, incident.Id, (await Queries.GetDocumentAsync(lead, incident.Id, Ct))!.Version, Ct);

        var published = await Assert.ThrowsAsync<DomainException>(() => Reviews.StarKeyEventAsync(lead, incident.Id, noteId, true, Ct));
        Assert.Contains("published and read-only", published.Message, StringComparison.Ordinal);
        Assert.Empty(await KindsAsync(incident.Id));
        Assert.Null(await Queries.GetKeyEventsAsync(await Harness.CreateViewerAsync(), other.Id, false, cancellationToken: Ct));
    }
}

public sealed class ReviewKeyEventsTests_Sqlite(SqliteTestDatabase database)
    : ReviewKeyEventsTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ReviewKeyEventsTests_SqlServer(SqlServerTestDatabase database)
    : ReviewKeyEventsTests(database), IClassFixture<SqlServerTestDatabase>;
