using Hangfire.Common;
using IncidentHub.Web.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Metrics;

namespace IncidentHub.Web.Metrics;

/// <summary>
/// OpenTelemetry metrics in Prometheus's text format at <c>/metrics</c>: ASP.NET Core's requests
/// (<c>http_server_request_duration_seconds</c>, with its count) and IncidentHub's own instruments (circuits open,
/// live-feed lag, chat inbox and outbox depth, nudges sent, jobs failed). See <see cref="MetricsAccess"/> for who may
/// read it.
/// </summary>
public static class MetricsSetup
{
    public const string Path = "/metrics";

    public static IServiceCollection AddIncidentHubMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(MetricsOptions.Read(configuration));
        services.AddSingleton<IncidentHubMetrics>();
        services.AddSingleton<QueueDepths>();
        services.AddSingleton<CircuitHandler, CircuitCounter>();
        services.AddSingleton<JobFailureFilter>();
        services.AddSingleton<IJobFilter>(sp => sp.GetRequiredService<JobFailureFilter>());
        services.AddSingleton<IAuthorizationHandler, MetricsAccess>();
        services.AddAuthorizationBuilder().AddPolicy(MetricsAccess.Policy, p => p.AddRequirements(new MetricsAccess.Requirement()));
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IncidentHubMetrics.MeterName, "Microsoft.AspNetCore.Hosting")
            .AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapIncidentHubMetrics(this WebApplication app)
    {
        // The observed instruments read state that other features own.
        var metrics = app.Services.GetRequiredService<IncidentHubMetrics>();
        var depths = app.Services.GetRequiredService<QueueDepths>();
        var nudges = app.Services.GetRequiredService<NudgeSweepMonitor>();
        metrics.Observe("incidenthub.chat.inbox.depth", "{event}", "Events received from Slack and not applied yet.", () => depths.Inbox);
        metrics.Observe("incidenthub.chat.outbox.depth", "{call}", "Calls to Slack waiting to be made.", () => depths.Outbox);
        metrics.ObserveTotal("incidenthub.nudges.sent", "{nudge}", "Update nudges this replica's sweeps sent.", () => nudges.Nudges);
        app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(MetricsAccess.Policy);
        return app;
    }
}
