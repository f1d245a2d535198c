using IncidentHub.Core.Common;
using IncidentHub.Core.Roles;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Core.Roles;

public abstract class RoleDefinitionServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private async Task<List<string>> NamesAsync(bool includeArchived = false) =>
        [.. (await Harness.RoleDefinitions.GetAllAsync(includeArchived, Ct)).Select(r => r.Name)];

    [Fact]
    public async Task GetAll_OnAFreshInstall_ListsTheBuiltInRolesInOrder()
    {
        var roles = await Harness.RoleDefinitions.GetAllAsync(cancellationToken: Ct);

        Assert.Equal(["Incident Lead", "Reporter", "Communications Lead", "Scribe"], roles.Select(r => r.Name));
        Assert.All(roles, r => Assert.True(r.IsBuiltIn));
    }

    [Fact]
    public async Task Save_New_IsACustomRoleListedLast()
    {
        var admin = await Harness.CreateAdminAsync();

        var id = await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Name = " Customer Liaison ", Instructions = "Talk to them." }, Ct);

        var roles = await Harness.RoleDefinitions.GetAllAsync(cancellationToken: Ct);
        var liaison = roles[^1];
        Assert.Equal(id, liaison.Id);
        Assert.Equal("Customer Liaison", liaison.Name);
        Assert.Equal(IncidentRoleKind.Custom, liaison.Kind);
        Assert.False(liaison.IsBuiltIn);
    }

    [Fact]
    public async Task Save_ByAResponder_IsForbiddenAndWritesNothing()
    {
        var riley = await Harness.CreateResponderAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Harness.RoleDefinitions.SaveAsync(riley, new RoleDefinitionForm { Name = "Liaison" }, Ct));

        Assert.Equal(4, (await NamesAsync(includeArchived: true)).Count);
    }

    [Fact]
    public async Task Save_WithATakenName_IsRefusedOnName()
    {
        var admin = await Harness.CreateAdminAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Name = "Scribe" }, Ct));

        Assert.Equal(["Name"], ex.Errors.Keys);
        Assert.Single(await NamesAsync(), n => n == "Scribe");
    }

    [Fact]
    public async Task Save_WithTheNameOfAnArchivedRole_IsAllowed()
    {
        var admin = await Harness.CreateAdminAsync();
        var old = await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Name = "Liaison" }, Ct);
        await Harness.RoleDefinitions.SetArchivedAsync(admin, old, archived: true, Ct);

        var id = await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Name = "Liaison" }, Ct);

        Assert.NotEqual(old, id);
        Assert.Single(await NamesAsync(), n => n == "Liaison");
    }

    [Fact]
    public async Task Save_RewordingABuiltInRole_KeepsItBuiltIn()
    {
        var admin = await Harness.CreateAdminAsync();
        var scribe = await Harness.RoleIdAsync(IncidentRoleKind.Scribe);

        await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Id = scribe, Name = "Note taker", Instructions = "Write it all down." }, Ct);

        var role = (await Harness.RoleDefinitions.GetAllAsync(cancellationToken: Ct)).Single(r => r.Id == scribe);
        Assert.Equal("Note taker", role.Name);
        Assert.Equal(IncidentRoleKind.Scribe, role.Kind);
        Assert.Equal("Write it all down.", role.Instructions);
    }

    [Theory]
    [InlineData(IncidentRoleKind.Lead)]
    [InlineData(IncidentRoleKind.Reporter)]
    [InlineData(IncidentRoleKind.Scribe)]
    public async Task SetArchived_ABuiltInRole_IsRefused(IncidentRoleKind kind)
    {
        var admin = await Harness.CreateAdminAsync();
        var id = await Harness.RoleIdAsync(kind);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Harness.RoleDefinitions.SetArchivedAsync(admin, id, archived: true, Ct));

        Assert.Contains("built-in role", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, (await NamesAsync()).Count);
    }

    [Fact]
    public async Task SetArchived_ACustomRole_HidesItUnlessAskedFor()
    {
        var admin = await Harness.CreateAdminAsync();
        var id = await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Name = "Liaison" }, Ct);

        await Harness.RoleDefinitions.SetArchivedAsync(admin, id, archived: true, Ct);

        Assert.DoesNotContain("Liaison", await NamesAsync());
        Assert.Contains("Liaison", await NamesAsync(includeArchived: true));
    }

    [Fact]
    public async Task SetArchived_ByAResponder_IsForbidden()
    {
        var admin = await Harness.CreateAdminAsync();
        var riley = await Harness.CreateResponderAsync();
        var id = await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Name = "Liaison" }, Ct);

        await Assert.ThrowsAsync<ForbiddenException>(() => Harness.RoleDefinitions.SetArchivedAsync(riley, id, archived: true, Ct));

        Assert.Contains("Liaison", await NamesAsync());
    }

    [Fact]
    public async Task Restore_WhenItsNameIsNowTaken_IsRefusedAndStaysArchived()
    {
        var admin = await Harness.CreateAdminAsync();
        var first = await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Name = "Liaison", Instructions = "Talk to the vendor." }, Ct);
        await Harness.RoleDefinitions.SetArchivedAsync(admin, first, archived: true, Ct);
        await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Name = "Liaison" }, Ct);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Harness.RoleDefinitions.SetArchivedAsync(admin, first, archived: false, Ct));

        Assert.Contains("already a role called Liaison", ex.Message, StringComparison.Ordinal);
        Assert.True((await Harness.RoleDefinitions.GetAllAsync(includeArchived: true, Ct)).Single(r => r.Id == first).IsArchived);
    }

    [Fact]
    public async Task Restore_WithAFreeName_Restores()
    {
        var admin = await Harness.CreateAdminAsync();
        var id = await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Name = "Liaison" }, Ct);
        await Harness.RoleDefinitions.SetArchivedAsync(admin, id, archived: true, Ct);

        await Harness.RoleDefinitions.SetArchivedAsync(admin, id, archived: false, Ct);

        Assert.False((await Harness.RoleDefinitions.GetAllAsync(includeArchived: true, Ct)).Single(r => r.Id == id).IsArchived);
    }

    [Fact]
    public async Task Save_FromAStaleCopy_IsAConflict()
    {
        var admin = await Harness.CreateAdminAsync();
        var scribe = (await Harness.RoleDefinitions.GetAllAsync(cancellationToken: Ct)).Single(r => r.Kind == IncidentRoleKind.Scribe);
        await Harness.RoleDefinitions.SaveAsync(admin, new RoleDefinitionForm { Id = scribe.Id, Version = scribe.Version, Name = "Scribe", Instructions = "First." }, Ct);

        await Assert.ThrowsAsync<ConflictException>(() => Harness.RoleDefinitions.SaveAsync(admin,
            new RoleDefinitionForm { Id = scribe.Id, Version = scribe.Version, Name = "Scribe", Instructions = "Second." }, Ct));

        Assert.Equal("First.", (await Harness.RoleDefinitions.GetAllAsync(cancellationToken: Ct)).Single(r => r.Id == scribe.Id).Instructions);
    }
}

public sealed class RoleDefinitionServiceTests_Sqlite(SqliteTestDatabase database)
    : RoleDefinitionServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class RoleDefinitionServiceTests_SqlServer(SqlServerTestDatabase database)
    : RoleDefinitionServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class RoleDefinitionServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : RoleDefinitionServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
