using IncidentHub.Core.Common;
using IncidentHub.Core.Severities;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Severities;

public abstract class SeverityServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private Task<List<string>> NamesAsync(bool includeArchived = false) => Harness.QueryAsync(db => db.Severities
        .Where(s => includeArchived || !s.IsArchived)
        .OrderBy(s => s.Rank)
        .Select(s => s.Name)
        .ToListAsync(Ct));

    [Fact]
    public async Task Save_New_IsAddedToThePicker()
    {
        var admin = await Harness.CreateAdminAsync();

        var id = await Harness.Severities.SaveAsync(admin, new SeverityForm { Name = " Catastrophic ", Rank = 4, Guidance = "Everything is down." }, Ct);

        var picker = await Harness.IncidentQueries.GetSeveritiesAsync(cancellationToken: Ct);
        Assert.Equal(["Catastrophic", "Critical", "Major", "Minor"], picker.Select(s => s.Name));
        Assert.Equal(id, picker[0].Id);
        Assert.Equal("Everything is down.", picker[0].Guidance);
    }

    [Fact]
    public async Task Save_ByAResponder_IsForbiddenAndWritesNothing()
    {
        var riley = await Harness.CreateResponderAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Harness.Severities.SaveAsync(riley, new SeverityForm { Name = "Catastrophic", Rank = 4 }, Ct));

        Assert.Equal(["Minor", "Major", "Critical"], await NamesAsync());
    }

    [Fact]
    public async Task Save_WithATakenName_IsRefusedOnName()
    {
        var admin = await Harness.CreateAdminAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Severities.SaveAsync(admin, new SeverityForm { Name = "Major", Rank = 9 }, Ct));

        Assert.Equal(["Name"], ex.Errors.Keys);
        Assert.Equal(["Minor", "Major", "Critical"], await NamesAsync());
    }

    [Fact]
    public async Task Save_WithATakenRank_IsRefusedOnRank()
    {
        var admin = await Harness.CreateAdminAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Severities.SaveAsync(admin, new SeverityForm { Name = "Severe", Rank = 2 }, Ct));

        Assert.Equal(["Rank"], ex.Errors.Keys);
        Assert.Equal(["Minor", "Major", "Critical"], await NamesAsync());
    }

    [Fact]
    public async Task Save_WithTheRankOfARetiredSeverity_IsAllowed()
    {
        var admin = await Harness.CreateAdminAsync();
        await Harness.Severities.SetArchivedAsync(admin, await Harness.SeverityIdAsync("Major"), archived: true, Ct);

        await Harness.Severities.SaveAsync(admin, new SeverityForm { Name = "Severe", Rank = 2 }, Ct);

        Assert.Equal(["Minor", "Severe", "Critical"], await NamesAsync());
    }

    [Fact]
    public async Task Save_Existing_KeepsItsOwnNameAndRank()
    {
        var admin = await Harness.CreateAdminAsync();
        var major = await Harness.SeverityIdAsync("Major");

        await Harness.Severities.SaveAsync(admin, new SeverityForm { Id = major, Name = "Major", Rank = 2, Guidance = "Reworded." }, Ct);

        var guidance = await Harness.QueryAsync(db => db.Severities.Where(s => s.Id == major).Select(s => s.Guidance).SingleAsync(Ct));
        Assert.Equal("Reworded.", guidance);
    }

    [Fact]
    public async Task Save_WithARankOutOfRange_IsRefusedOnRank()
    {
        var admin = await Harness.CreateAdminAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Severities.SaveAsync(admin, new SeverityForm { Name = "Huge", Rank = 101 }, Ct));

        Assert.Equal(["Rank"], ex.Errors.Keys);
    }

    [Fact]
    public async Task SetArchived_TheLastSeverityInUse_IsRefused()
    {
        var admin = await Harness.CreateAdminAsync();
        await Harness.Severities.SetArchivedAsync(admin, await Harness.SeverityIdAsync("Minor"), archived: true, Ct);
        await Harness.Severities.SetArchivedAsync(admin, await Harness.SeverityIdAsync("Major"), archived: true, Ct);
        var critical = await Harness.SeverityIdAsync("Critical");

        var ex = await Assert.ThrowsAsync<DomainException>(() => Harness.Severities.SetArchivedAsync(admin, critical, archived: true, Ct));

        Assert.Contains("at least one severity", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["Critical"], await NamesAsync());
    }

    [Fact]
    public async Task SetArchived_ThenRestore_PutsItBackInThePicker()
    {
        var admin = await Harness.CreateAdminAsync();
        var minor = await Harness.SeverityIdAsync("Minor");
        await Harness.Severities.SetArchivedAsync(admin, minor, archived: true, Ct);
        var whileArchived = await NamesAsync();

        await Harness.Severities.SetArchivedAsync(admin, minor, archived: false, Ct);

        Assert.Equal(["Major", "Critical"], whileArchived);
        Assert.Equal(["Minor", "Major", "Critical"], await NamesAsync());
    }

    [Fact]
    public async Task SetArchived_ByAResponder_IsForbidden()
    {
        var riley = await Harness.CreateResponderAsync();
        var minor = await Harness.SeverityIdAsync("Minor");

        await Assert.ThrowsAsync<ForbiddenException>(() => Harness.Severities.SetArchivedAsync(riley, minor, archived: true, Ct));

        Assert.Equal(["Minor", "Major", "Critical"], await NamesAsync());
    }

    [Fact]
    public async Task Restore_WhenItsRankIsNowTaken_IsRefusedAndStaysRetired()
    {
        var admin = await Harness.CreateAdminAsync();
        var minor = (await Harness.IncidentQueries.GetSeveritiesAsync(cancellationToken: Ct)).Single(s => s.Name == "Minor");
        await Harness.Severities.SetArchivedAsync(admin, minor.Id, archived: true, Ct);
        await Harness.Severities.SaveAsync(admin, new SeverityForm { Name = "Low", Rank = minor.Rank, Guidance = "Replaces Minor." }, Ct);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Harness.Severities.SetArchivedAsync(admin, minor.Id, archived: false, Ct));

        Assert.Contains("Another severity now has rank 1", ex.Message, StringComparison.Ordinal);
        Assert.True((await Harness.IncidentQueries.GetSeveritiesAsync(includeArchived: true, Ct)).Single(s => s.Id == minor.Id).IsArchived);
    }

    [Fact]
    public async Task Restore_AfterMovingToAFreeRank_Restores()
    {
        var admin = await Harness.CreateAdminAsync();
        var minor = (await Harness.IncidentQueries.GetSeveritiesAsync(cancellationToken: Ct)).Single(s => s.Name == "Minor");
        await Harness.Severities.SetArchivedAsync(admin, minor.Id, archived: true, Ct);
        await Harness.Severities.SaveAsync(admin, new SeverityForm { Name = "Low", Rank = minor.Rank }, Ct);
        await Harness.Severities.SaveAsync(admin, new SeverityForm { Id = minor.Id, Name = "Minor", Rank = 10, Guidance = minor.Guidance }, Ct);

        await Harness.Severities.SetArchivedAsync(admin, minor.Id, archived: false, Ct);

        var after = (await Harness.IncidentQueries.GetSeveritiesAsync(includeArchived: true, Ct)).Single(s => s.Id == minor.Id);
        Assert.False(after.IsArchived);
        Assert.Equal(10, after.Rank);
    }

    [Fact]
    public async Task Save_FromAStaleCopy_IsAConflict_AndKeepsTheOtherAdminsChange()
    {
        var admin = await Harness.CreateAdminAsync();
        var major = (await Harness.IncidentQueries.GetSeveritiesAsync(cancellationToken: Ct)).Single(s => s.Name == "Major");
        await Harness.Severities.SaveAsync(admin, new SeverityForm { Id = major.Id, Version = major.Version, Name = "Major", Rank = 2, Guidance = "First admin's words." }, Ct);

        await Assert.ThrowsAsync<ConflictException>(() => Harness.Severities.SaveAsync(admin,
            new SeverityForm { Id = major.Id, Version = major.Version, Name = "Major", Rank = 2, Guidance = "Second admin's words." }, Ct));

        Assert.Equal("First admin's words.", (await Harness.IncidentQueries.GetSeveritiesAsync(cancellationToken: Ct)).Single(s => s.Id == major.Id).Guidance);
    }
}

public sealed class SeverityServiceTests_Sqlite(SqliteTestDatabase database)
    : SeverityServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class SeverityServiceTests_SqlServer(SqlServerTestDatabase database)
    : SeverityServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class SeverityServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : SeverityServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
