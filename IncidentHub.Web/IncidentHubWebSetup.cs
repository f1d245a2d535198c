using IncidentHub.Core;
using IncidentHub.Core.Live;
using IncidentHub.Core.Notifications;
using IncidentHub.Web.Jobs;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Auth.Sso;
using IncidentHub.Web.Components;
using IncidentHub.Web.Data;
using IncidentHub.Web.Live;
using IncidentHub.Web.Metrics;
using IncidentHub.Web.Replicas;
using IncidentHub.Web.Insights;
using IncidentHub.Web.Reviews;
using IncidentHub.Web.Security;
using IncidentHub.Web.Slack;
using IncidentHub.Web.StatusPage;
using IncidentHub.Web.Time;
using MudBlazor;
using MudBlazor.Services;

namespace IncidentHub.Web;

/// <summary>Everything the web app registers and the order of its middleware, in one place.</summary>
public static class IncidentHubWebSetup
{
    public static IServiceCollection AddIncidentHub(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Images in reviews are not fetched from other hosts unless an admin lists them (Reviews:AllowedImageHosts).
        services.AddSingleton(new Core.Markdown.SafeMarkdown(configuration.GetSection("Reviews:AllowedImageHosts").Get<string[]>()));
        services.AddIncidentHubCore();
        services.AddIncidentHubDatabase(configuration, environment);
        services.AddIncidentHubAuth();
        services.AddIncidentHubSso(configuration);
        services.AddIncidentHubProxies(configuration);
        services.AddIncidentHubRateLimits();
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        services.AddSingleton<LiveIncidentFeed>();
        services.AddSingleton<IIncidentChangeFeed>(sp => sp.GetRequiredService<LiveIncidentFeed>());
        services.AddSingleton<LiveNotificationFeed>();
        services.AddSingleton<INotificationFeed>(sp => sp.GetRequiredService<LiveNotificationFeed>());
        services.AddIncidentHubJobs(configuration);
        services.AddIncidentHubSlack(configuration);
        services.AddIncidentHubStatusPage();
        services.AddIncidentHubReplicas(configuration);
        services.AddIncidentHubMetrics(configuration);
        services.AddScoped<BrowserTimeZone>();
        services.AddScoped<Components.Shared.UiFeedback>();

        services.AddRazorComponents()
            .AddInteractiveServerComponents(o => o.DetailedErrors = environment.IsDevelopment());
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            o.SnackbarConfiguration.PreventDuplicates = false;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
            o.SnackbarConfiguration.MaxDisplayedSnackbars = 3;
        });
        services.AddHttpContextAccessor();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<JobServerHealthCheck>("jobs");
        return services;
    }

    public static WebApplication UseIncidentHub(this WebApplication app)
    {
        // First: the client's address and scheme as the trusted proxy saw them, for everything after.
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        app.UseRateLimiter();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorResponse.WriteAsync });
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseMiddleware<FirstRunGate>();
        app.UseOutputCache();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz", HealthResponse.Options).AllowAnonymous();
        // Liveness without touching the database: for orchestrators, and the benchmarks' bare baseline.
        app.MapMethods("/healthz/live", [HttpMethods.Get, HttpMethods.Head], () => Results.Text("ok")).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapSsoEndpoints();
        app.UseIncidentHubJobs();
        app.UseIncidentHubSlack();
        app.MapStatusPage();
        app.MapIncidentHubMetrics();
        app.MapReviewExport();
        app.MapInsightsCsv();
        // SecurityHeaders sends the whole policy (frame-ancestors 'none' included) instead of Blazor's frame-ancestors 'self'.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
