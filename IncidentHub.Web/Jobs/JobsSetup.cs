using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Data;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Jobs;

/// <summary>
/// Hangfire, as its documentation recommends: SQL Server storage when the database is SQL Server and PostgreSQL storage
/// (Hangfire.PostgreSql, schema <c>hangfire</c>) when it is PostgreSQL (so several replicas share one queue), in-memory
/// storage otherwise. Either way, the jobs' own state lives in IncidentHub's database.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddIncidentHubJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>()
            .Bind(configuration.GetSection(JobsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<NudgeSweepMonitor>();
        services.AddTransient<UpdateNudgeJob>();
        services.AddTransient<EventCatchUpJob>();
        services.AddTransient<PostIncidentNudgeJob>();
        services.AddTransient<FollowUpDigestJob>();
        services.AddHostedService<EventCatchUpAtStart>();

        // This host's own storage and job activator. Hangfire would otherwise fall back to process-wide statics
        // (JobStorage.Current, JobActivator.Current), which several hosts in one process (tests) would share.
        services.AddSingleton<JobStorage>(provider =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return database.Provider switch
            {
                DatabaseProvider.SqlServer => new SqlServerStorage(database.EffectiveConnectionString, new SqlServerStorageOptions
                {
                    SchemaName = "HangFire",
                    PrepareSchemaIfNecessary = true,
                    CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
                    SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                    QueuePollInterval = TimeSpan.Zero,
                    UseRecommendedIsolationLevel = true,
                    DisableGlobalLocks = true,
                }),
                DatabaseProvider.PostgreSql => new PostgreSqlStorage(
                    new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.EffectiveConnectionString, new PostgreSqlStorageOptions()),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = TimeSpan.FromSeconds(1),
                        InvisibilityTimeout = TimeSpan.FromMinutes(5),
                    }),
                _ => new Hangfire.InMemory.InMemoryStorage(),
            };
        });
        services.AddSingleton<JobActivator>(provider => new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        if (jobs.RunServer)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = jobs.WorkerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        return services;
    }

    /// <summary>Registers the recurring sweeps and the admin-only dashboard at /jobs.</summary>
    public static WebApplication UseIncidentHubJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        recurring.AddOrUpdate<UpdateNudgeJob>(UpdateNudgeJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), options.NudgeSweepCron, utc);
        recurring.AddOrUpdate<EventCatchUpJob>(EventCatchUpJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), options.EventCatchUpCron, utc);
        recurring.AddOrUpdate<PostIncidentNudgeJob>(PostIncidentNudgeJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), options.PostIncidentNudgeCron, utc);
        recurring.AddOrUpdate<FollowUpDigestJob>(FollowUpDigestJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), options.FollowUpDigestCron, utc);

        // Admins only, through the app's own sign-in: not Hangfire's default local-request rule.
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            DashboardTitle = "IncidentHub jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(Policies.Admin);
        return app;
    }
}
