using IncidentHub.Core.Data;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Data;
using IncidentHub.Web.Data.PostgreSql;
using IncidentHub.Web.Data.Sqlite;
using IncidentHub.Web.Data.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IncidentHub.Tests.Web.Data;

/// <summary>Each provider's migrations match the model and create the schema the app expects.</summary>
public sealed class MigrationTests
{
    /// <summary>Never opened: building the model and the SQL script needs no server.</summary>
    private const string UnusedSqlServer = "Server=unused.invalid;Database=IncidentHub;User Id=sa;Password=unused;TrustServerCertificate=true";

    private static SqlServerIncidentHubDbContext SqlServerContext() =>
        new(DatabaseSetup.BuildOptions(new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = UnusedSqlServer }));

    private const string UnusedPostgreSql = "Host=unused.invalid;Database=incidenthub;Username=unused";

    private static PostgreSqlIncidentHubDbContext PostgreSqlContext() =>
        new(DatabaseSetup.BuildOptions(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = UnusedPostgreSql }));

    private static SqliteIncidentHubDbContext SqliteContext() =>
        new(DatabaseSetup.BuildOptions(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=unused.db" }));

    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = SqliteContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: add one with dotnet ef migrations add.");
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = SqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQL Server migration: add one with dotnet ef migrations add.");
    }

    [Fact]
    public void PostgreSqlMigrations_MatchTheModel()
    {
        using var db = PostgreSqlContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: add one with dotnet ef migrations add.");
    }

    [Fact]
    public void PostgreSqlScript_CreatesTheIncidentsTableAndTheSearchIndex()
    {
        using var db = PostgreSqlContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE \"Incidents\"", script, StringComparison.Ordinal);
        Assert.Contains("USING gin", script, StringComparison.Ordinal);
        Assert.Contains("CREATE EXTENSION IF NOT EXISTS unaccent", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgreSqlMigrations_ApplyToAFreshDatabase()
    {
        await using var database = new PostgreSqlTestDatabase();
        database.SkipIfUnavailable();
        await database.InitializeAsync();
        await using var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);

        var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Equal(3, await db.Severities.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void SqlServerScript_CreatesTheIncidentsTableAndTheFilteredUniqueTimelineIndex()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [Incidents]", script, StringComparison.Ordinal);
        Assert.Contains(
            "CREATE UNIQUE INDEX [IX_TimelineEntries_IncidentId_Source_ExternalId] ON [TimelineEntries] ([IncidentId], [Source], [ExternalId]) WHERE [ExternalId] IS NOT NULL;",
            script,
            StringComparison.Ordinal);
    }

    [Fact]
    public void EachProvider_HasItsOwnMigrations()
    {
        using var sqlite = SqliteContext();
        using var sqlServer = SqlServerContext();
        using var postgreSql = PostgreSqlContext();

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var sqlServerMigrations = sqlServer.Database.GetMigrations().ToList();
        var postgreSqlMigrations = postgreSql.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(sqlServerMigrations);
        Assert.NotEmpty(postgreSqlMigrations);
        Assert.Empty(sqliteMigrations.Intersect(sqlServerMigrations));
        Assert.Empty(postgreSqlMigrations.Intersect(sqliteMigrations.Concat(sqlServerMigrations)));
    }

    [Fact]
    public void ProviderDbContextFactory_CreatesTheProvidersOwnContext()
    {
        var options = DatabaseSetup.BuildOptions(new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = UnusedSqlServer });

        using var sqlServer = new ProviderDbContextFactory(options, DatabaseProvider.SqlServer).CreateDbContext();
        using var sqlite = new ProviderDbContextFactory(options, DatabaseProvider.Sqlite).CreateDbContext();
        using var postgreSql = new ProviderDbContextFactory(options, DatabaseProvider.PostgreSql).CreateDbContext();

        Assert.IsType<SqlServerIncidentHubDbContext>(sqlServer);
        Assert.IsType<PostgreSqlIncidentHubDbContext>(postgreSql);
        Assert.IsType<SqliteIncidentHubDbContext>(sqlite);
    }

    [Fact]
    public async Task SqliteMigrations_ApplyToAFreshFile()
    {
        await using var database = new SqliteTestDatabase();
        await database.InitializeAsync();
        await using var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);

        var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Equal(3, await db.Severities.CountAsync(TestContext.Current.CancellationToken));
        Assert.True(File.Exists(database.FilePath));
    }

    [Fact]
    public async Task SqliteTestDatabase_Dispose_LeavesNoFilesBehind()
    {
        var database = new SqliteTestDatabase();
        await database.InitializeAsync();
        await using (var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await ReferenceData.EnsureAsync(db, TestContext.Current.CancellationToken);
        }

        await database.DisposeAsync();

        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(database.FilePath)!, Path.GetFileName(database.FilePath) + "*"));
    }
}
