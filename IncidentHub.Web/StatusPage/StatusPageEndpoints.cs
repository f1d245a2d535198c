using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentHub.Core.StatusPage;
using IncidentHub.Web.Components.StatusPage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.StatusPage;

/// <summary>
/// The public status page, for anyone: /status (HTML without any script), /status/summary.json and /status/feed.atom,
/// to GET and HEAD alike (uptime monitors use HEAD). Served from the output cache, the same answer whatever the query
/// string or <c>Host</c>, so a crowd of customers (or one client busting the cache) costs one database read per
/// publication or five seconds. The feed's links come from <c>IncidentHub:PublicUrl</c>; only without it are they taken
/// from the request (and then its cache entry is kept per host, so a forged <c>Host</c> misleads nobody else).
/// </summary>
public static class StatusPageEndpoints
{
    /// <summary>No script, no frames, no forms, nothing from elsewhere: the page only shows text and its own stylesheet.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    public static IServiceCollection AddIncidentHubStatusPage(this IServiceCollection services)
    {
        // A publication evicts this process's copy at once; five seconds bounds how stale another replica can be.
        services.AddOutputCache(o =>
        {
            o.AddPolicy(OutputCachedStatusPage.Policy, b => b
                .Expire(OutputCachedStatusPage.Lifetime)
                .Tag(OutputCachedStatusPage.Tag)
                .AddPolicy<SameAnswerForEveryone>());
            o.AddPolicy(OutputCachedStatusPage.PerHostPolicy, b => b
                .Expire(OutputCachedStatusPage.Lifetime)
                .Tag(OutputCachedStatusPage.Tag)
                .AddPolicy<SameAnswerPerHost>());
        });
        services.AddSingleton<IStatusPageCache, OutputCachedStatusPage>();
        return services;
    }

    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder endpoints)
    {
        var status = endpoints.MapGroup("/status")
            .AllowAnonymous()
            .AddEndpointFilter(async (context, next) =>
            {
                var headers = context.HttpContext.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return await next(context);
            });

        string[] getOrHead = [HttpMethods.Get, HttpMethods.Head];
        status.MapMethods("", getOrHead, async (StatusPageQueries queries, CancellationToken cancellationToken) =>
            new RazorComponentResult<StatusDocument>(new { Snapshot = await queries.GetSnapshotAsync(cancellationToken) }))
            .CacheOutput(OutputCachedStatusPage.Policy);

        status.MapMethods("/summary.json", getOrHead, async (StatusPageQueries queries, CancellationToken cancellationToken) =>
            TypedResults.Json(StatusSummary.From(await queries.GetSnapshotAsync(cancellationToken)), Json))
            .CacheOutput(OutputCachedStatusPage.Policy);

        var publicRoot = endpoints.ServiceProvider.GetRequiredService<IOptions<IncidentHubOptions>>().Value.PublicRoot;
        status.MapMethods("/feed.atom", getOrHead, async (StatusPageQueries queries, HttpContext context, CancellationToken cancellationToken) =>
        {
            var snapshot = await queries.GetSnapshotAsync(cancellationToken);
            var root = publicRoot ?? $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Text(StatusFeed.Write(snapshot, root), "application/atom+xml; charset=utf-8");
        })
        .CacheOutput(publicRoot is null ? OutputCachedStatusPage.PerHostPolicy : OutputCachedStatusPage.Policy);
        return endpoints;
    }
}
