using IncidentHub.Core.Live;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.StatusPage;
using IncidentHub.Web.StatusPage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentHub.Web.Replicas;

/// <summary>
/// With <c>Redis:Configuration</c> set, the live-change, notification and status-page-cache ports go through Redis to
/// every replica; without it nothing here is registered and everything stays in this process.
/// </summary>
public static class ReplicasSetup
{
    public static IServiceCollection AddIncidentHubReplicas(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.SectionName));
        var redis = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        if (!redis.IsConfigured)
        {
            return services;
        }

        services.AddSingleton<SeenChanges>();
        services.TryAddSingleton<OutputCachedStatusPage>();
        services.AddSingleton<ReplicaBus>();
        services.AddHostedService(sp => sp.GetRequiredService<ReplicaBus>());
        services.RemoveAll<IIncidentChangeFeed>();
        services.AddSingleton<IIncidentChangeFeed, ReplicatedChangeFeed>();
        services.RemoveAll<INotificationFeed>();
        services.AddSingleton<INotificationFeed, ReplicatedNotificationFeed>();
        services.RemoveAll<IStatusPageCache>();
        services.AddSingleton<IStatusPageCache, ReplicatedStatusPageCache>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return services;
    }
}
