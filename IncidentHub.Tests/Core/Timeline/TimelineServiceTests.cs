using IncidentHub.Core.Common;
using IncidentHub.Core.Live;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Timeline;

public abstract class TimelineServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private Task<List<string>> NotesAsync(int incidentId) => Harness.QueryAsync(db => db.TimelineEntries
        .Where(e => e.IncidentId == incidentId && e.Kind == TimelineEntryKind.Note)
        .OrderBy(e => e.Text)
        .Select(e => e.Text)
        .ToListAsync(Ct));

    [Fact]
    public async Task AddNote_IsStoredWithAuthorAndTime()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var incident = await Harness.DeclareAsync(riley);
        Harness.Time.Advance(TimeSpan.FromMinutes(3));

        var id = await Harness.Timeline.AddNoteAsync(riley, incident.Id, new AddNoteRequest { Text = " Hot shard found. ", Highlight = true }, Ct);

        var entry = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.Id == id, Ct));
        Assert.Equal("Hot shard found.", entry.Text);
        Assert.Equal(riley.UserId, entry.ActorId);
        Assert.Equal("Riley Chen", entry.ActorName);
        Assert.Equal(TimelineSource.Web, entry.Source);
        Assert.True(entry.IsHighlighted);
        Assert.Equal(ServiceHarness.Start + TimeSpan.FromMinutes(3), entry.OccurredAt);
        Assert.Equal(entry.OccurredAt, entry.RecordedAt);
    }

    [Fact]
    public async Task AddNote_TwoAtOnce_BothLand()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        Harness.Feed.Clear();

        await Task.WhenAll(
            Task.Run(() => Harness.Timeline.AddNoteAsync(riley, incident.Id, new AddNoteRequest { Text = "From Riley" }, Ct), Ct),
            Task.Run(() => Harness.Timeline.AddNoteAsync(sam, incident.Id, new AddNoteRequest { Text = "From Sam" }, Ct), Ct));

        Assert.Equal(["From Riley", "From Sam"], await NotesAsync(incident.Id));
        Assert.Equal(2, Harness.Feed.Changes.Count(c => c.Kind == IncidentChangeKind.TimelineChanged));
    }

    [Fact]
    public async Task AddNote_WhenAnotherNoteLandsBetweenLoadAndSave_IsReappliedAndBothLand()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        Harness.Database.SaveHook.BeforeNextSave(() =>
            Harness.Timeline.AddNoteAsync(sam, incident.Id, new AddNoteRequest { Text = "From Sam" }, Ct));

        await Harness.Timeline.AddNoteAsync(riley, incident.Id, new AddNoteRequest { Text = "From Riley" }, Ct);

        Assert.Equal(["From Riley", "From Sam"], await NotesAsync(incident.Id));
    }

    [Fact]
    public async Task AddNote_Empty_IsRefusedOnTextAndNotAnnounced()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        Harness.Feed.Clear();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Timeline.AddNoteAsync(riley, incident.Id, new AddNoteRequest { Text = "  " }, Ct));

        Assert.Equal(["Text"], ex.Errors.Keys);
        Assert.Empty(await NotesAsync(incident.Id));
        Assert.Empty(Harness.Feed.Changes);
    }

    [Fact]
    public async Task AddNote_ByAViewer_IsForbidden()
    {
        var riley = await Harness.CreateResponderAsync();
        var casey = await Harness.CreateViewerAsync();
        var incident = await Harness.DeclareAsync(riley);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Harness.Timeline.AddNoteAsync(casey, incident.Id, new AddNoteRequest { Text = "I saw it too" }, Ct));

        Assert.Empty(await NotesAsync(incident.Id));
    }

    [Fact]
    public async Task SetHighlight_MarksAndUnmarksAKeyEvent()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        var id = await Harness.Timeline.AddNoteAsync(riley, incident.Id, new AddNoteRequest { Text = "Decision" }, Ct);

        await Harness.Timeline.SetHighlightAsync(riley, incident.Id, id, highlighted: true, Ct);
        var marked = await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.Id == id).Select(e => e.IsHighlighted).SingleAsync(Ct));
        await Harness.Timeline.SetHighlightAsync(riley, incident.Id, id, highlighted: false, Ct);
        var unmarked = await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.Id == id).Select(e => e.IsHighlighted).SingleAsync(Ct));

        Assert.True(marked);
        Assert.False(unmarked);
    }

    [Fact]
    public async Task SetHighlight_OfAnEntryOnAnotherIncident_IsNotFound()
    {
        var riley = await Harness.CreateResponderAsync();
        var first = await Harness.DeclareAsync(riley);
        var second = await Harness.DeclareAsync(riley);
        var id = await Harness.Timeline.AddNoteAsync(riley, first.Id, new AddNoteRequest { Text = "On the first" }, Ct);

        await Assert.ThrowsAsync<NotFoundException>(() => Harness.Timeline.SetHighlightAsync(riley, second.Id, id, highlighted: true, Ct));

        Assert.False(await Harness.QueryAsync(db => db.TimelineEntries.Where(e => e.Id == id).Select(e => e.IsHighlighted).SingleAsync(Ct)));
    }
}

public sealed class TimelineServiceTests_Sqlite(SqliteTestDatabase database)
    : TimelineServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class TimelineServiceTests_SqlServer(SqlServerTestDatabase database)
    : TimelineServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class TimelineServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : TimelineServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
