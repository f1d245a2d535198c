using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Roles;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Incidents;

public abstract class IncidentServiceDeclareTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task Declare_Twice_AssignsSequentialReferences()
    {
        var riley = await Harness.CreateResponderAsync();

        var first = await Harness.DeclareAsync(riley, "Checkout failing");
        var second = await Harness.DeclareAsync(riley, "Search slow");

        Assert.Equal("INC-1", first.Reference);
        Assert.Equal("INC-2", second.Reference);
        Assert.Equal([1, 2], await Harness.QueryAsync(db => db.Incidents.OrderBy(i => i.Id).Select(i => i.Number).ToListAsync()));
    }

    [Fact]
    public async Task Declare_FiveAtOnce_GetFiveDistinctNumbers()
    {
        var riley = await Harness.CreateResponderAsync();
        var severityId = await Harness.SeverityIdAsync("Minor");

        var declared = await Task.WhenAll(Enumerable.Range(1, 5).Select(n => Task.Run(() =>
            Harness.Incidents.DeclareAsync(riley, new DeclareIncidentRequest { Name = $"Incident {n}", SeverityId = severityId }, Ct), Ct)));

        Assert.Equal([1, 2, 3, 4, 5], declared.Select(d => d.Number).Order());
        Assert.Equal(5, await Harness.QueryAsync(db => db.Incidents.Select(i => i.Number).Distinct().CountAsync()));
    }

    [Fact]
    public async Task Declare_WhenSomeoneTakesTheNumberBeforeTheSave_TakesTheNextNumber()
    {
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        Harness.Database.SaveHook.BeforeNextSave(() => Harness.DeclareAsync(sam, "Declared in between"));

        var declared = await Harness.DeclareAsync(riley, "Checkout failing");

        Assert.Equal(2, declared.Number);
        var names = await Harness.QueryAsync(db => db.Incidents.OrderBy(i => i.Number).Select(i => i.Name).ToListAsync());
        Assert.Equal(["Declared in between", "Checkout failing"], names);
    }

    [Fact]
    public async Task Declare_ByAViewer_IsAllowed_AndTheyLeadIt()
    {
        var casey = await Harness.CreateViewerAsync();

        var declared = await Harness.DeclareAsync(casey);

        var incident = await Harness.LoadIncidentAsync(declared.Id);
        Assert.Equal((casey.UserId, casey.UserId), (incident.LeadId, incident.DeclaredById));
    }

    [Fact]
    public async Task Declare_BySomeoneRestricted_IsForbiddenAndWritesNothing()
    {
        var guest = (await Harness.CreateViewerAsync()) with { IsRestricted = true };

        await Assert.ThrowsAsync<ForbiddenException>(() => Harness.DeclareAsync(guest));

        Assert.False(await Harness.QueryAsync(db => db.Incidents.AnyAsync()));
        Assert.False(await Harness.QueryAsync(db => db.TimelineEntries.AnyAsync()));
        Assert.Empty(Harness.Feed.Changes);
    }

    [Fact]
    public async Task Declare_WithAnOverlongName_IsRefusedOnNameAndWritesNothing()
    {
        var riley = await Harness.CreateResponderAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.DeclareAsync(riley, new string('x', 201)));

        Assert.Equal(["Name"], ex.Errors.Keys);
        Assert.False(await Harness.QueryAsync(db => db.Incidents.AnyAsync()));
        Assert.Empty(Harness.Feed.Changes);
    }

    [Fact]
    public async Task Declare_WithAnUnknownSeverity_IsRefusedOnSeverityId()
    {
        var riley = await Harness.CreateResponderAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Harness.Incidents.DeclareAsync(riley, new DeclareIncidentRequest { Name = "Checkout failing", SeverityId = 987_654 }, Ct));

        Assert.Equal(["SeverityId"], ex.Errors.Keys);
        Assert.False(await Harness.QueryAsync(db => db.Incidents.AnyAsync()));
    }

    [Fact]
    public async Task Declare_WithAnotherResponderAsLead_StoresBothRoles()
    {
        var riley = await Harness.CreateResponderAsync("Riley Chen");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");

        var declared = await Harness.DeclareAsync(riley, configure: r => r.LeadId = sam.UserId);

        var incident = await Harness.LoadIncidentAsync(declared.Id);
        Assert.Equal(sam.UserId, incident.LeadId);
        Assert.Equal("Sam Okafor", incident.LeadName);
        Assert.Equal(riley.UserId, incident.DeclaredById);
        Assert.Equal(ServiceHarness.Start, incident.DeclaredAt);
        var holders = incident.RoleAssignments.ToDictionary(r => r.RoleDefinition.Kind, r => r.UserId);
        Assert.Equal(sam.UserId, holders[IncidentRoleKind.Lead]);
        Assert.Equal(riley.UserId, holders[IncidentRoleKind.Reporter]);
    }

    [Fact]
    public async Task Declare_WithAViewerAsLead_MakesThemLead()
    {
        var riley = await Harness.CreateResponderAsync();
        var casey = await Harness.CreateViewerAsync("Casey Lee");

        var declared = await Harness.DeclareAsync(riley, configure: r => r.LeadId = casey.UserId);

        var detail = (await Harness.IncidentQueries.GetDetailAsync(casey, declared.Number, Ct))!;
        Assert.Equal("Casey Lee", detail.LeadName);
        Assert.True(detail.Can.PostUpdate);
    }

    [Fact]
    public async Task Declare_WithADeactivatedLead_IsRefused()
    {
        var admin = await Harness.CreateAdminAsync();
        var riley = await Harness.CreateResponderAsync();
        var sam = await Harness.CreateResponderAsync();
        await Harness.Accounts.SetActiveAsync(admin, sam.UserId, active: false, Ct);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.DeclareAsync(riley, configure: r => r.LeadId = sam.UserId));

        Assert.Contains("active IncidentHub account", Assert.Single(ex.Errors["LeadId"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declare_WithAnAdminAsLead_IsAccepted()
    {
        var riley = await Harness.CreateResponderAsync();
        var priya = await Harness.CreateAdminAsync();

        var declared = await Harness.DeclareAsync(riley, configure: r => r.LeadId = priya.UserId);

        Assert.Equal(priya.UserId, (await Harness.LoadIncidentAsync(declared.Id)).LeadId);
    }

    [Fact]
    public async Task Declare_TellsTheChangeFeedOnce()
    {
        var riley = await Harness.CreateResponderAsync();

        var declared = await Harness.DeclareAsync(riley);

        var change = Assert.Single(Harness.Feed.Changes);
        Assert.Equal(new IncidentChange(declared.Id, 1, IncidentChangeKind.Declared, riley.UserId), change);
    }

    [Fact]
    public async Task Declare_WhenTheSaveFails_DoesNotTellTheChangeFeed()
    {
        var riley = await Harness.CreateResponderAsync();
        Harness.Database.SaveHook.BeforeNextSave(() => throw new InvalidOperationException("The database went away."));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Harness.DeclareAsync(riley));

        Assert.Empty(Harness.Feed.Changes);
        Assert.False(await Harness.QueryAsync(db => db.Incidents.AnyAsync()));
    }
}

public sealed class IncidentServiceDeclareTests_Sqlite(SqliteTestDatabase database)
    : IncidentServiceDeclareTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class IncidentServiceDeclareTests_SqlServer(SqlServerTestDatabase database)
    : IncidentServiceDeclareTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class IncidentServiceDeclareTests_PostgreSql(PostgreSqlTestDatabase database)
    : IncidentServiceDeclareTests(database), IClassFixture<PostgreSqlTestDatabase>;
