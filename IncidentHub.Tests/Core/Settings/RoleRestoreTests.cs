using IncidentHub.Core.Common;
using IncidentHub.Core.Roles;

namespace IncidentHub.Tests.Core.Settings;

public sealed class RoleRestoreTests
{
    private static readonly Actor Admin = new("admin-1", "Ada Admin", AppRole.Admin);

    [Fact]
    public async Task SetArchived_RestoreWhenNameNowTaken_RefusesAndKeepsItArchived()
    {
        await using var database = await SettingsDatabase.CreateAsync();
        var service = new RoleDefinitionService(database.Factory);
        var ct = TestContext.Current.CancellationToken;
        var first = await service.SaveAsync(Admin, new RoleDefinitionForm { Name = "Liaison", Instructions = "Talk to the vendor." }, ct);
        await service.SetArchivedAsync(Admin, first, archived: true, ct);
        await service.SaveAsync(Admin, new RoleDefinitionForm { Name = "Liaison" }, ct);

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.SetArchivedAsync(Admin, first, archived: false, ct));

        Assert.Contains("already a role called Liaison", ex.Message, StringComparison.Ordinal);
        var after = (await service.GetAllAsync(includeArchived: true, ct)).Single(r => r.Id == first);
        Assert.True(after.IsArchived);
    }

    [Fact]
    public async Task SetArchived_RestoreWithFreeName_Restores()
    {
        await using var database = await SettingsDatabase.CreateAsync();
        var service = new RoleDefinitionService(database.Factory);
        var ct = TestContext.Current.CancellationToken;
        var id = await service.SaveAsync(Admin, new RoleDefinitionForm { Name = "Liaison" }, ct);
        await service.SetArchivedAsync(Admin, id, archived: true, ct);

        await service.SetArchivedAsync(Admin, id, archived: false, ct);

        Assert.False((await service.GetAllAsync(includeArchived: true, ct)).Single(r => r.Id == id).IsArchived);
    }

    [Fact]
    public async Task SetArchived_BuiltInRole_IsRefused()
    {
        await using var database = await SettingsDatabase.CreateAsync();
        var service = new RoleDefinitionService(database.Factory);
        var ct = TestContext.Current.CancellationToken;
        var scribe = (await service.GetAllAsync(cancellationToken: ct)).Single(r => r.Kind == IncidentRoleKind.Scribe);

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.SetArchivedAsync(Admin, scribe.Id, archived: true, ct));

        Assert.Contains("built-in role", ex.Message, StringComparison.Ordinal);
    }
}
