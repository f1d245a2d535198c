using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IncidentHub.Web.Data.PostgreSql;

/// <summary>The PostgreSQL flavour of the database; owns the PostgreSQL migrations in this folder.</summary>
public sealed class PostgreSqlIncidentHubDbContext(DbContextOptions<IncidentHubDbContext> options) : WebDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        PostgreSqlFunctions.Configure(builder);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlIncidentHubDbContext>
{
    public PostgreSqlIncidentHubDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.BuildOptions(new DatabaseOptions
        {
            Provider = DatabaseProvider.PostgreSql,
            ConnectionString = "Host=localhost;Database=incidenthub;Username=incidenthub",
        }));
}
