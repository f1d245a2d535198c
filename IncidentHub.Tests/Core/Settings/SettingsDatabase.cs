using IncidentHub.Core.Data;
using IncidentHub.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Core.Settings;

/// <summary>A migrated SQLite file with the reference data (default severities and roles), deleted afterwards.</summary>
internal sealed class SettingsDatabase : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"incidenthub-settings-{Guid.NewGuid():N}.db");

    private SettingsDatabase()
    {
        var options = DatabaseSetup.BuildOptions(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_path}" });
        Factory = new ProviderDbContextFactory(options, DatabaseProvider.Sqlite);
    }

    public IDbContextFactory<IncidentHubDbContext> Factory { get; }

    public static async Task<SettingsDatabase> CreateAsync()
    {
        var database = new SettingsDatabase();
        await using var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        await ReferenceData.EnsureAsync(db, TestContext.Current.CancellationToken);
        return database;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}
