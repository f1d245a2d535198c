using IncidentHub.Core.Data;
using IncidentHub.Web.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// A uniquely named database on the SQL Server given by <see cref="ConnectionStringVariable"/>, created by the SQL
/// Server migrations and dropped on dispose. Without the variable, tests using it skip.
/// </summary>
public sealed class SqlServerTestDatabase : TestDatabase
{
    /// <summary>A connection string to a server where the tests may create and drop databases.</summary>
    public const string ConnectionStringVariable = "INCIDENTHUB_TEST_SQLSERVER";

    private static readonly string? ServerConnectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);

    public static bool IsConfigured => !string.IsNullOrWhiteSpace(ServerConnectionString);

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string? UnavailableReason => IsConfigured ? null : $"{ConnectionStringVariable} is not set";

    protected override Task<string> PrepareAsync()
    {
        // The migrator creates the database when it does not exist yet.
        var builder = new SqlConnectionStringBuilder(ServerConnectionString)
        {
            InitialCatalog = $"IncidentHubTests_{Guid.NewGuid():N}",
        };
        return Task.FromResult(builder.ConnectionString);
    }

    protected override async Task DropAsync(IDbContextFactory<IncidentHubDbContext> factory)
    {
        // EnsureDeleted closes other sessions (SINGLE_USER WITH ROLLBACK IMMEDIATE), drops the database and clears
        // the client's connection pools.
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.EnsureDeletedAsync();
    }
}
