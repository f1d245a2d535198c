using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Similar;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Similar;

/// <summary>
/// "Not related": a dismissed suggestion is remembered for the pair, hidden both ways, said on the timeline and in
/// the event log, undoable, and only by someone who may act on the incident and see the other one.
/// </summary>
public abstract class NotRelatedTests(TestDatabase database) : DatabaseTest(database)
{
    private SimilarIncidentQueries Similar => Harness.Get<SimilarIncidentQueries>();

    private NotRelatedService NotRelated => Harness.Get<NotRelatedService>();

    [Fact]
    public async Task MarkingNotRelated_HidesThePairBothWays_SaysSoOnTheTimeline_AndTheNextBestTakesItsPlace()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var first = await Harness.DeclareAsync(riley, "Card authorisation timeouts at checkout");
        var second = await Harness.DeclareAsync(riley, "Card authorisation timeouts in the app");
        var now = await Harness.DeclareAsync(riley, "Card authorisation timeouts again");
        Assert.Equal(2, (await Similar.ForIncidentAsync(riley, now.Id, Ct)).Count);

        await NotRelated.MarkAsync(riley, now.Id, first.Number, Ct);

        Assert.Equal([second.Number], (await Similar.ForIncidentAsync(riley, now.Id, Ct)).Select(s => s.Number));
        Assert.DoesNotContain(now.Number, (await Similar.ForIncidentAsync(riley, first.Id, Ct)).Select(s => s.Number));
        Assert.Contains(now.Number, (await Similar.ForIncidentAsync(riley, second.Id, Ct)).Select(s => s.Number));
        var hidden = Assert.Single(await Similar.NotRelatedAsync(riley, now.Id, Ct));
        Assert.Equal((first.Number, "Riley Chen"), (hidden.Number, hidden.MarkedByName));
        Assert.Equal(now.Number, Assert.Single(await Similar.NotRelatedAsync(riley, first.Id, Ct)).Number);
        var entry = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.IncidentId == now.Id && e.Kind == TimelineEntryKind.NotRelated, Ct));
        Assert.Equal($"Riley Chen marked {IncidentReference.Format(first.Number)} as not related", entry.Text);
        var logged = await Harness.QueryAsync(db => db.EventLog.Where(e => e.IncidentId == now.Id).OrderBy(e => e.Sequence).ToListAsync(Ct));
        Assert.Equal(new MarkedNotRelated(first.Id, first.Number), logged[^1].ToLoggedEvent().Event);
    }

    [Fact]
    public async Task Undo_FromTheOtherSide_SuggestsItAgain_AndMarkingTwiceKeepsOneMark()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Ortiz");
        var first = await Harness.DeclareAsync(riley, "Queue consumer stuck on poison message");
        var now = await Harness.DeclareAsync(riley, "Queue consumer stuck again");

        await NotRelated.MarkAsync(riley, now.Id, first.Number, Ct);
        await NotRelated.MarkAsync(sam, first.Id, now.Number, Ct);
        Assert.Equal(1, await Harness.QueryAsync(db => db.NotRelatedMarks.CountAsync(Ct)));
        Assert.Equal(1, await Harness.QueryAsync(db => db.TimelineEntries.CountAsync(e => e.Kind == TimelineEntryKind.NotRelated, Ct)));

        await NotRelated.UndoAsync(sam, first.Id, now.Number, Ct);

        Assert.Equal([first.Number], (await Similar.ForIncidentAsync(riley, now.Id, Ct)).Select(s => s.Number));
        Assert.Empty(await Similar.NotRelatedAsync(riley, now.Id, Ct));
        var undo = await Harness.QueryAsync(db => db.TimelineEntries.SingleAsync(e => e.IncidentId == first.Id && e.Kind == TimelineEntryKind.NotRelated, Ct));
        Assert.Equal($"Sam Ortiz undid “not related” for {IncidentReference.Format(now.Number)}", undo.Text);
        var logged = await Harness.QueryAsync(db => db.EventLog.Where(e => e.IncidentId == first.Id).OrderBy(e => e.Sequence).ToListAsync(Ct));
        Assert.Equal(new NotRelatedUndone(now.Id, now.Number, "Riley Chen"), logged[^1].ToLoggedEvent().Event);
    }

    [Fact]
    public async Task AViewerWithoutARole_IsRefused_AndNothingIsHidden()
    {
        var riley = await Harness.CreateResponderAsync();
        var viewer = await Harness.CreateViewerAsync();
        var first = await Harness.DeclareAsync(riley, "Search cluster red after upgrade");
        var now = await Harness.DeclareAsync(riley, "Search cluster red again");

        await Assert.ThrowsAsync<ForbiddenException>(() => NotRelated.MarkAsync(viewer, now.Id, first.Number, Ct));

        Assert.Single(await Similar.ForIncidentAsync(riley, now.Id, Ct));
        Assert.False((await Harness.LoadIncidentAsync(now.Id)).PermissionsFor(viewer).MarkNotRelated);
        Assert.True((await Harness.LoadIncidentAsync(now.Id)).PermissionsFor(riley).MarkNotRelated);
    }

    [Fact]
    public async Task APrivateIncidentTheActorCannotSee_CannotBeMarked_AndIsNeverListedAsHidden()
    {
        var lead = await Harness.CreateResponderAsync("Lee Private");
        var outsider = await Harness.CreateResponderAsync();
        var secret = await Harness.DeclareAsync(lead, "Payroll export leaked to a public share", configure: r => r.IsPrivate = true);
        var open = await Harness.DeclareAsync(outsider, "Payroll export leaked again");

        var refused = await Assert.ThrowsAsync<NotFoundException>(() => NotRelated.MarkAsync(outsider, open.Id, secret.Number, Ct));
        Assert.Contains("that you can see", refused.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => NotRelated.MarkAsync(outsider, open.Id, 9999, Ct));
        await Assert.ThrowsAsync<DomainException>(() => NotRelated.MarkAsync(outsider, open.Id, open.Number, Ct));

        await NotRelated.MarkAsync(lead, open.Id, secret.Number, Ct);

        Assert.Empty(await Similar.NotRelatedAsync(outsider, open.Id, Ct));
        Assert.Single(await Similar.NotRelatedAsync(lead, open.Id, Ct));
        Assert.Empty(await Similar.ForIncidentAsync(lead, open.Id, Ct));
    }
}

public sealed class NotRelatedTests_Sqlite(SqliteTestDatabase database)
    : NotRelatedTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class NotRelatedTests_SqlServer(SqlServerTestDatabase database)
    : NotRelatedTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class NotRelatedTests_PostgreSql(PostgreSqlTestDatabase database)
    : NotRelatedTests(database), IClassFixture<PostgreSqlTestDatabase>;
