using IncidentHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IncidentHub.Web.Data.SqlServer;

/// <summary>The SQL Server flavour of the database; owns the SQL Server migrations in this folder.</summary>
public sealed class SqlServerIncidentHubDbContext(DbContextOptions<IncidentHubDbContext> options) : WebDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        SqlServerFunctions.Configure(builder);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context without a server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerIncidentHubDbContext>
{
    public SqlServerIncidentHubDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.BuildOptions(new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer,
            ConnectionString = "Server=localhost;Database=IncidentHub;Integrated Security=true;TrustServerCertificate=true",
        }));
}
