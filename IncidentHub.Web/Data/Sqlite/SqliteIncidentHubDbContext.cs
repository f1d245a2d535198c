using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IncidentHub.Web.Data.Sqlite;

/// <summary>The SQLite flavour of the database; owns the SQLite migrations in this folder.</summary>
public sealed class SqliteIncidentHubDbContext(DbContextOptions<IncidentHubDbContext> options) : WebDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        SqliteFunctions.Configure(builder);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIncidentHubDbContext>
{
    public SqliteIncidentHubDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.BuildOptions(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" }));
}
