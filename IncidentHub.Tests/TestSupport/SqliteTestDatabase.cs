using IncidentHub.Core.Data;
using IncidentHub.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// A SQLite file of its own under the temp folder, in WAL mode like the app's. Deleted on dispose together with its
/// <c>-wal</c> and <c>-shm</c> side files.
/// </summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"incidenthub-tests-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string FilePath => _path;

    protected override Task<string> PrepareAsync() => Task.FromResult(new SqliteConnectionStringBuilder { DataSource = _path }.ToString());

    protected override async Task AfterMigrateAsync(IncidentHubDbContext db) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

    protected override Task DropAsync(IDbContextFactory<IncidentHubDbContext> factory)
    {
        // Pooled connections keep the file open (and the WAL un-checkpointed) until their pool is cleared. Clearing
        // only this file's pool leaves the other test classes' databases, running in parallel, alone.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", _path + "-journal" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}
