using IncidentHub.Core.Data;
using IncidentHub.Web.Data.PostgreSql;
using IncidentHub.Web.Data.Sqlite;
using IncidentHub.Web.Data.SqlServer;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Web.Data;

/// <summary>Creates the provider's own context type, so that its migrations are found.</summary>
public sealed class ProviderDbContextFactory(DbContextOptions<IncidentHubDbContext> options, DatabaseProvider provider)
    : IDbContextFactory<IncidentHubDbContext>
{
    public IncidentHubDbContext CreateDbContext() => provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerIncidentHubDbContext(options),
        DatabaseProvider.PostgreSql => new PostgreSqlIncidentHubDbContext(options),
        _ => new SqliteIncidentHubDbContext(options),
    };
}
