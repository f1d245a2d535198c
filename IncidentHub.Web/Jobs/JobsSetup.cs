using Hangfire;
using Hangfire.SqlServer;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Data;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Jobs;

/// <summary>
/// Hangfire, as its documentation recommends: SQL Server storage when the database is SQL Server (so several replicas
/// share one queue), in-memory storage otherwise. Either way, the jobs' own state lives in IncidentHub's database.
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
        services.AddHostedService<EventCatchUpAtStart>();

        // This host's own storage and job activator. Hangfire would otherwise fall back to process-wide statics
        // (JobStorage.Current, JobActivator.Current), which several hosts in one process (tests) would share.
        services.AddSingleton<JobStorage>(provider =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return database.Provider == DatabaseProvider.SqlServer
                ? new SqlServerStorage(database.EffectiveConnectionString, new SqlServerStorageOptions
                {
                    SchemaName = "HangFire",
                    PrepareSchemaIfNecessary = true,
                    CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
                    SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                    QueuePollInterval = TimeSpan.Zero,
                    UseRecommendedIsolationLevel = true,
                    DisableGlobalLocks = true,
                })
                : new Hangfire.InMemory.InMemoryStorage();
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
