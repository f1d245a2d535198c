using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Live;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Actions;

public abstract class ActionServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private Task<IncidentAction> ActionAsync(int id) => Harness.QueryAsync(db => db.IncidentActions.SingleAsync(a => a.Id == id, Ct));

    [Fact]
    public async Task Add_WithAnOwner_IsStoredAndAnnounced()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        var incident = await Harness.DeclareAsync(riley);
        Harness.Feed.Clear();

        var id = await Harness.Actions.AddAsync(riley, incident.Id, new AddActionRequest { Title = "Roll back", OwnerId = sam.UserId }, Ct);

        var action = await ActionAsync(id);
        Assert.Equal(incident.Id, action.IncidentId);
        Assert.Equal("Roll back", action.Title);
        Assert.Equal(sam.UserId, action.OwnerId);
        Assert.Equal("Sam Okafor", action.OwnerName);
        Assert.Equal(ActionStatus.Outstanding, action.Status);
        Assert.Equal(IncidentChangeKind.ActionsChanged, Assert.Single(Harness.Feed.Changes).Kind);
    }

    [Fact]
    public async Task Add_ForAViewer_IsRefusedOnOwnerId()
    {
        var riley = await Harness.CreateResponderAsync();
        var casey = await Harness.CreateViewerAsync();
        var incident = await Harness.DeclareAsync(riley);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Actions.AddAsync(riley, incident.Id, new AddActionRequest { Title = "Roll back", OwnerId = casey.UserId }, Ct));

        Assert.Equal(["OwnerId"], ex.Errors.Keys);
        Assert.False(await Harness.QueryAsync(db => db.IncidentActions.AnyAsync(Ct)));
    }

    [Fact]
    public async Task ChangeStatus_ToDone_IsStoredWithCompletionTime()
    {
        var riley = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        var id = await Harness.Actions.AddAsync(riley, incident.Id, new AddActionRequest { Title = "Roll back" }, Ct);
        Harness.Time.Advance(TimeSpan.FromMinutes(12));

        await Harness.Actions.ChangeStatusAsync(riley, incident.Id, id, ActionStatus.Outstanding, ActionStatus.Done, Ct);

        var action = await ActionAsync(id);
        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.Equal(Harness.Time.GetUtcNow(), action.CompletedAt);
    }

    [Fact]
    public async Task ChangeStatus_WhenSomeoneElseChangedItFirst_ThrowsConflictAndKeepsTheirs()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        var id = await Harness.Actions.AddAsync(riley, incident.Id, new AddActionRequest { Title = "Roll back" }, Ct);
        await Harness.Actions.ChangeStatusAsync(sam, incident.Id, id, ActionStatus.Outstanding, ActionStatus.NotDoing, Ct);

        await Assert.ThrowsAsync<ConflictException>(() =>
            Harness.Actions.ChangeStatusAsync(riley, incident.Id, id, ActionStatus.Outstanding, ActionStatus.Done, Ct));

        Assert.Equal(ActionStatus.NotDoing, (await ActionAsync(id)).Status);
    }

    [Fact]
    public async Task ChangeOwner_IsStored()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        var incident = await Harness.DeclareAsync(riley);
        var id = await Harness.Actions.AddAsync(riley, incident.Id, new AddActionRequest { Title = "Roll back" }, Ct);

        await Harness.Actions.ChangeOwnerAsync(riley, incident.Id, id, expectedOwnerId: null, sam.UserId, Ct);

        Assert.Equal(sam.UserId, (await ActionAsync(id)).OwnerId);
    }
}

public sealed class ActionServiceTests_Sqlite(SqliteTestDatabase database)
    : ActionServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class ActionServiceTests_SqlServer(SqlServerTestDatabase database)
    : ActionServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class ActionServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : ActionServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
