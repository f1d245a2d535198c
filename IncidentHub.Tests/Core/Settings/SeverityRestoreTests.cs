using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Severities;

namespace IncidentHub.Tests.Core.Settings;

public sealed class SeverityRestoreTests
{
    private static readonly Actor Admin = new("admin-1", "Ada Admin", AppRole.Admin);

    [Fact]
    public async Task SetArchived_RestoreWhenRankNowTaken_RefusesAndKeepsItRetired()
    {
        await using var database = await SettingsDatabase.CreateAsync();
        var service = new SeverityService(database.Factory);
        var queries = new IncidentQueries(database.Factory);
        var ct = TestContext.Current.CancellationToken;
        var minor = (await queries.GetSeveritiesAsync(cancellationToken: ct)).Single(s => s.Name == "Minor");
        await service.SetArchivedAsync(Admin, minor.Id, archived: true, ct);
        await service.SaveAsync(Admin, new SeverityForm { Name = "Low", Rank = minor.Rank, Guidance = "Replaces Minor." }, ct);

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.SetArchivedAsync(Admin, minor.Id, archived: false, ct));

        Assert.Contains("Another severity now has rank 1", ex.Message, StringComparison.Ordinal);
        var after = (await queries.GetSeveritiesAsync(includeArchived: true, ct)).Single(s => s.Id == minor.Id);
        Assert.True(after.IsArchived);
    }

    [Fact]
    public async Task SetArchived_RestoreAfterMovingToFreeRank_Restores()
    {
        await using var database = await SettingsDatabase.CreateAsync();
        var service = new SeverityService(database.Factory);
        var queries = new IncidentQueries(database.Factory);
        var ct = TestContext.Current.CancellationToken;
        var minor = (await queries.GetSeveritiesAsync(cancellationToken: ct)).Single(s => s.Name == "Minor");
        await service.SetArchivedAsync(Admin, minor.Id, archived: true, ct);
        await service.SaveAsync(Admin, new SeverityForm { Name = "Low", Rank = minor.Rank }, ct);
        await service.SaveAsync(Admin, new SeverityForm { Id = minor.Id, Name = "Minor", Rank = 10, Guidance = minor.Guidance }, ct);

        await service.SetArchivedAsync(Admin, minor.Id, archived: false, ct);

        var after = (await queries.GetSeveritiesAsync(includeArchived: true, ct)).Single(s => s.Id == minor.Id);
        Assert.False(after.IsArchived);
        Assert.Equal(10, after.Rank);
    }
}
