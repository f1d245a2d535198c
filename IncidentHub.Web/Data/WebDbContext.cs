using IncidentHub.Core.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Web.Data;

/// <summary>
/// IncidentHub's database plus what only the web host needs: the data-protection keys that sign cookies and
/// anti-forgery tokens, kept in the database so that restarts and several replicas share them.
/// </summary>
public abstract class WebDbContext(DbContextOptions<IncidentHubDbContext> options) : IncidentHubDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
