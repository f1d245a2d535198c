using IncidentHub.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.Web;

/// <summary>Every page and endpoint states who may use it. A new one without a rule fails here.</summary>
public sealed class EndpointRulesTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    /// <summary>
    /// Deliberately anonymous: sign-in, first run, errors, health, the public status page, static files; and Slack's three request URLs, which
    /// Slack calls without signing in and which check Slack's request signature instead (SlackEventsTests, SlackSignatureTests);
    /// and single sign-on's start and return, which a person reaches before they are signed in (404 while SSO is off;
    /// SingleSignOnTests).
    /// </summary>
    private static readonly string[] AnonymousRoutes =
    [
        "/slack/events", "/slack/commands", "/slack/interactivity",
        "/account/login", "/account/access-denied", "/account/sso", "/account/sso/complete", "/setup", "/not-found", "/healthz", "/healthz/live",
        "/status", "/status/summary.json", "/status/feed.atom",
    ];

    /// <summary>Blazor's own plumbing; the fallback policy (signed in) applies to it.</summary>
    private static readonly string[] FrameworkPrefixes = ["/_blazor", "/_framework"];

    [Fact]
    public void EveryEndpoint_HasAnExplicitRule()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);

        var missing = endpoints
            .Where(e => !FrameworkPrefixes.Any(p => Route(e).StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Where(e => !IsStaticAsset(e))
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => Route(e) + " [" + e.DisplayName + "]")
            .ToList();

        Assert.True(missing.Count == 0, "Endpoints without [Authorize] or [AllowAnonymous]: " + string.Join(", ", missing));
    }

    [Fact]
    public void OnlyTheListedRoutes_AreAnonymous()
    {
        var anonymous = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && !IsStaticAsset(e))
            .Select(Route)
            .Distinct()
            .ToList();

        var unexpected = anonymous.Where(r => !AnonymousRoutes.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(unexpected.Count == 0, "Unexpected anonymous routes: " + string.Join(", ", unexpected));
    }

    /// <summary>The route as people type it: leading slash, no trailing one (routing treats it as optional).</summary>
    private static string Route(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');

    /// <summary>Files served by MapStaticAssets (css, js, images, and its file-only fallback): anonymous on purpose.</summary>
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        (endpoint.RoutePattern.RawText ?? "").EndsWith(":file}", StringComparison.Ordinal)
        || endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { } methods
        && methods.All(m => m is "GET" or "HEAD")
        && Path.HasExtension(endpoint.RoutePattern.RawText ?? "")
        && !(endpoint.RoutePattern.RawText ?? "").Contains('{', StringComparison.Ordinal);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
