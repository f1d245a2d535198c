using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Roles;
using IncidentHub.Core.Timeline;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Security;

/// <summary>
/// "Everyone can declare", through the real services on a real database: a Viewer declares and then runs that incident
/// as a responder does, is given a role on another and acts there until it is taken away, and stays a Viewer everywhere
/// else. Private incidents stay private.
/// </summary>
public abstract class ViewerDeclaresTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task AViewer_Declares_AndPostsUpdatesOnIt_ButNotOnSomeoneElsesIncident()
    {
        var rae = await Harness.CreateResponderAsync("Rae Responder");
        var vic = await Harness.CreateViewerAsync("Vic Viewer");
        var others = await Harness.DeclareAsync(rae, "Disk full on db-2");

        var theirs = await Harness.DeclareAsync(vic, "Printers on fire");
        await Harness.Updates.PostUpdateAsync(vic, theirs.Id, new PostUpdateRequest { Message = "Paper tray 3 is smoking." }, Ct);

        var detail = (await Harness.IncidentQueries.GetDetailAsync(vic, theirs.Number, Ct))!;
        Assert.Equal((vic.UserId, vic.UserId), (detail.LeadId, detail.DeclaredById));
        Assert.True(detail.Can.PostUpdate);
        Assert.Equal(1, await Harness.QueryAsync(db => db.IncidentUpdates.CountAsync(u => u.IncidentId == theirs.Id && u.AuthorId == vic.UserId, Ct)));

        Assert.False((await Harness.IncidentQueries.GetDetailAsync(vic, others.Number, Ct))!.Can.Respond);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Harness.Updates.PostUpdateAsync(vic, others.Id, new PostUpdateRequest { Message = "Not mine to say." }, Ct));
        Assert.False(await Harness.QueryAsync(db => db.IncidentUpdates.AnyAsync(u => u.IncidentId == others.Id, Ct)));
    }

    [Fact]
    public async Task AViewer_GivenARole_ActsThere_AndOnceItIsTakenAway_IsRefusedAgain()
    {
        var rae = await Harness.CreateResponderAsync("Rae Responder");
        var vic = await Harness.CreateViewerAsync("Vic Viewer");
        var incident = await Harness.DeclareAsync(rae, "Disk full on db-2");
        var scribe = await Harness.RoleIdAsync(IncidentRoleKind.Scribe);

        await Harness.Roles.AssignAsync(rae, incident.Id, scribe, vic.UserId, null, Ct);
        await Harness.Timeline.AddNoteAsync(vic, incident.Id, new AddNoteRequest { Text = "db-2 at 99 %." }, Ct);
        var actionId = await Harness.Actions.AddAsync(rae, incident.Id, new AddActionRequest { Title = "Free space", OwnerId = vic.UserId }, Ct);
        await Harness.Actions.ChangeStatusAsync(vic, incident.Id, actionId, ActionStatus.Outstanding, ActionStatus.Done, Ct);
        Assert.True((await Harness.IncidentQueries.GetDetailAsync(vic, incident.Number, Ct))!.Can.AddNote);

        await Harness.Roles.UnassignAsync(rae, incident.Id, scribe, vic.UserId, Ct);

        Assert.False((await Harness.IncidentQueries.GetDetailAsync(vic, incident.Number, Ct))!.Can.AddNote);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Harness.Timeline.AddNoteAsync(vic, incident.Id, new AddNoteRequest { Text = "One more." }, Ct));
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Actions.AddAsync(rae, incident.Id, new AddActionRequest { Title = "Check backups", OwnerId = vic.UserId }, Ct));
        Assert.Contains("Vic Viewer is a Viewer with no role on this incident", Assert.Single(ex.Errors["OwnerId"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewer_OfferedTheLead_AcceptsIt_AndLeads()
    {
        var rae = await Harness.CreateResponderAsync("Rae Responder");
        var vic = await Harness.CreateViewerAsync("Vic Viewer");
        var incident = await Harness.DeclareAsync(rae, "Disk full on db-2");

        await Harness.Roles.OfferLeadAsync(rae, incident.Id, new OfferLeadRequest { UserId = vic.UserId, Note = "Yours: db-2 is at 99 %." }, rae.UserId, Ct);
        await Harness.Roles.AcceptLeadAsync(vic, incident.Id, rae.UserId, Ct);
        await Harness.Updates.PostUpdateAsync(vic, incident.Id, new PostUpdateRequest { Message = "Cleared 40 GB." }, Ct);

        Assert.Equal(vic.UserId, (await Harness.LoadIncidentAsync(incident.Id)).LeadId);
    }

    [Fact]
    public async Task AViewerWhoDeclaredAPrivateIncident_SeesIt_AnotherViewerSeesNothing()
    {
        var vic = await Harness.CreateViewerAsync("Vic Viewer");
        var val = await Harness.CreateViewerAsync("Val Viewer");

        var incident = await Harness.DeclareAsync(vic, "Payroll export leaked", configure: r => r.IsPrivate = true);
        await Harness.Timeline.AddNoteAsync(vic, incident.Id, new AddNoteRequest { Text = "Only HR saw it." }, Ct);

        Assert.NotNull(await Harness.IncidentQueries.GetDetailAsync(vic, incident.Number, Ct));
        Assert.Null(await Harness.IncidentQueries.GetDetailAsync(val, incident.Number, Ct));
        Assert.Empty(await Harness.IncidentQueries.GetActiveAsync(val, new DashboardFilter(), Ct));
        var refused = await Assert.ThrowsAsync<NotFoundException>(() =>
            Harness.Timeline.AddNoteAsync(val, incident.Id, new AddNoteRequest { Text = "Peek." }, Ct));
        Assert.Equal(IncidentHub.Core.Access.IncidentAccessRules.NotFoundMessage, refused.Message);
    }
}

public sealed class ViewerDeclaresTests_Sqlite(SqliteTestDatabase database)
    : ViewerDeclaresTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ViewerDeclaresTests_SqlServer(SqlServerTestDatabase database)
    : ViewerDeclaresTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class ViewerDeclaresTests_PostgreSql(PostgreSqlTestDatabase database)
    : ViewerDeclaresTests(database), IClassFixture<PostgreSqlTestDatabase>;
