using IncidentHub.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Data;

public static partial class DatabaseSetup
{
    /// <summary>Registers the database factory for the configured provider (SQLite by default).</summary>
    public static IServiceCollection AddIncidentHubDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Configure(o => o.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .PostConfigure(o => o.ConnectionString = AnchorSqlitePath(o, environment.ContentRootPath))
            .ValidateDataAnnotations()
            .Validate(o => !o.Validate(new(o)).Any(), "Database:Provider is SqlServer or PostgreSql but ConnectionStrings:IncidentHub is empty. Set ConnectionStrings__IncidentHub.")
            .ValidateOnStart();

        services.AddSingleton(sp => BuildOptions(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<IDbContextFactory<IncidentHubDbContext>>(sp => new ProviderDbContextFactory(
            sp.GetRequiredService<DbContextOptions<IncidentHubDbContext>>(),
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        // Identity's stores and the key ring want a scoped context; it comes from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<IncidentHubDbContext>>().CreateDbContext());
        services.AddScoped(sp => (WebDbContext)sp.GetRequiredService<IDbContextFactory<IncidentHubDbContext>>().CreateDbContext());
        services.AddDataProtection().SetApplicationName("IncidentHub").PersistKeysToDbContext<WebDbContext>();
        return services;
    }

    public static DbContextOptions<IncidentHubDbContext> BuildOptions(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new DbContextOptionsBuilder<IncidentHubDbContext>();
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(options.EffectiveConnectionString, sql =>
                {
                    sql.MigrationsAssembly(typeof(DatabaseSetup).Assembly.GetName().Name);
                    sql.EnableRetryOnFailure();
                });
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(options.EffectiveConnectionString, npgsql =>
                {
                    npgsql.MigrationsAssembly(typeof(DatabaseSetup).Assembly.GetName().Name);
                    npgsql.EnableRetryOnFailure();
                });
                break;
            default:
                builder.UseSqlite(options.EffectiveConnectionString, sqlite =>
                    sqlite.MigrationsAssembly(typeof(DatabaseSetup).Assembly.GetName().Name));
                builder.AddInterceptors(new SqliteBusyTimeout());
                break;
        }

        return builder.Options;
    }

    /// <summary>Creates the SQLite folder, applies migrations and puts the reference data in place.</summary>
    public static async Task MigrateIncidentHubDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(options.EffectiveConnectionString);
        }

        var factory = services.GetRequiredService<IDbContextFactory<IncidentHubDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (options.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // Readers do not wait for the writer; several browsers at once stay responsive.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        await ReferenceData.EnsureAsync(db, cancellationToken);
        LogReady(logger, options.Provider);
    }

    /// <summary>A relative SQLite file is kept beside the app, wherever it was started from.</summary>
    private static string? AnchorSqlitePath(DatabaseOptions options, string contentRoot)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return options.ConnectionString;
        }

        var builder = new SqliteConnectionStringBuilder(options.EffectiveConnectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        return builder.ToString();
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogReady(ILogger logger, DatabaseProvider provider);
}
