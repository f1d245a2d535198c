using IncidentHub.Core.Common;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.StatusPage;

/// <summary>Admins keep the list of services customers see on the status page.</summary>
public abstract class StatusComponentServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private Actor _admin = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await Harness.CreateAdminAsync("Ada Admin");
    }

    private async Task<List<string>> NamesAsync(bool includeArchived = false) =>
        (await Harness.StatusComponents.GetAllAsync(includeArchived, Ct)).Select(c => c.Name).ToList();

    [Fact]
    public async Task Save_New_IsListedLast_AndClearsTheStatusPageCache()
    {
        await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API" }, Ct);
        var before = Harness.StatusPageCache.Invalidations;

        await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = " Payments ", Description = "Card payments" }, Ct);

        Assert.Equal(["API", "Payments"], await NamesAsync());
        Assert.Equal(before + 1, Harness.StatusPageCache.Invalidations);
    }

    [Fact]
    public async Task Save_ByAResponder_IsForbiddenAndWritesNothing()
    {
        var riley = await Harness.CreateResponderAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Harness.StatusComponents.SaveAsync(riley, new ComponentForm { Name = "API" }, Ct));

        Assert.Empty(await NamesAsync(includeArchived: true));
    }

    [Fact]
    public async Task Save_WithATakenName_IsRefusedOnName()
    {
        await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API" }, Ct);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API " }, Ct));

        Assert.Equal(["Name"], ex.Errors.Keys);
        Assert.Contains("already a service called API", ex.Errors["Name"][0], StringComparison.Ordinal);
        Assert.Equal(["API"], await NamesAsync());
    }

    [Fact]
    public async Task Save_WithTheNameOfARemovedService_IsAllowed()
    {
        var old = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API" }, Ct);
        await Harness.StatusComponents.SetArchivedAsync(_admin, old, archived: true, Ct);

        await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API" }, Ct);

        Assert.Equal(["API"], await NamesAsync());
        Assert.Equal(["API", "API"], await NamesAsync(includeArchived: true));
    }

    [Fact]
    public async Task Restore_WhenItsNameIsNowTaken_IsRefused_SoCustomersNeverSeeTwoOfOne()
    {
        var old = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API" }, Ct);
        await Harness.StatusComponents.SetArchivedAsync(_admin, old, archived: true, Ct);
        await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API" }, Ct);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Harness.StatusComponents.SetArchivedAsync(_admin, old, archived: false, Ct));

        Assert.Equal("There is already a service called API. Rename this one, then restore it.", ex.Message);
        Assert.Equal(["API"], await NamesAsync());
    }

    [Fact]
    public async Task Save_Existing_KeepsItsOwnName_AndChangesTheDescription()
    {
        var id = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API" }, Ct);
        var seen = Assert.Single(await Harness.StatusComponents.GetAllAsync(cancellationToken: Ct));

        await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Id = id, Version = seen.Version, Name = "API", Description = "Public REST API" }, Ct);

        Assert.Equal("Public REST API", Assert.Single(await Harness.StatusComponents.GetAllAsync(cancellationToken: Ct)).Description);
    }

    [Fact]
    public async Task Save_FromAStaleCopy_IsAConflict_AndKeepsTheOtherAdminsChange()
    {
        var id = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API" }, Ct);
        var seen = Assert.Single(await Harness.StatusComponents.GetAllAsync(cancellationToken: Ct));
        await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Id = id, Version = seen.Version, Name = "Public API" }, Ct);

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Id = id, Version = seen.Version, Name = "REST API" }, Ct));

        Assert.Contains("Another admin changed Public API", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["Public API"], await NamesAsync());
    }

    [Fact]
    public async Task Save_OfAServiceThatWasDeleted_SaysItNoLongerExists()
    {
        var ex = await Assert.ThrowsAsync<NotFoundException>(() =>
            Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Id = 999, Version = Guid.NewGuid(), Name = "API" }, Ct));

        Assert.Equal("That service no longer exists.", ex.Message);
    }

    [Fact]
    public async Task Move_Up_SwapsTwoServices_AndTheEndsStayPut()
    {
        await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "API" }, Ct);
        var dashboard = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "Dashboard" }, Ct);
        var payments = await Harness.StatusComponents.SaveAsync(_admin, new ComponentForm { Name = "Payments" }, Ct);

        await Harness.StatusComponents.MoveAsync(_admin, payments, -1, Ct);
        await Harness.StatusComponents.MoveAsync(_admin, payments, +1, Ct);
        await Harness.StatusComponents.MoveAsync(_admin, payments, +1, Ct);
        await Harness.StatusComponents.MoveAsync(_admin, dashboard, -1, Ct);

        Assert.Equal(["Dashboard", "API", "Payments"], await NamesAsync());
    }
}

public sealed class StatusComponentServiceTests_Sqlite(SqliteTestDatabase database)
    : StatusComponentServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class StatusComponentServiceTests_SqlServer(SqlServerTestDatabase database)
    : StatusComponentServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class StatusComponentServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : StatusComponentServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
