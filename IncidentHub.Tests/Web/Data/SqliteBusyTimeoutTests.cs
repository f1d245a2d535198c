using IncidentHub.Web.Data;
using IncidentHub.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.Web.Data;

/// <summary>Every SQLite connection the app opens lets SQLite wait for the write lock itself (see docs/performance.md).</summary>
public sealed class SqliteBusyTimeoutTests
{
    [Fact]
    public async Task EveryConnection_WaitsForTheWriteLock_InSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"incidenthub-busy-{Guid.NewGuid():N}.db");
        try
        {
            var options = DatabaseSetup.BuildOptions(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path};Pooling=False" });
            await using var db = new SqliteIncidentHubDbContext(options);

            var timeout = await db.Database.SqlQueryRaw<int>("SELECT timeout AS \"Value\" FROM pragma_busy_timeout").SingleAsync(TestContext.Current.CancellationToken);

            Assert.Equal(SqliteBusyTimeout.Milliseconds, timeout);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
