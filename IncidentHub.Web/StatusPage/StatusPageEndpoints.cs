using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentHub.Core.StatusPage;
using IncidentHub.Web.Components.StatusPage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentHub.Web.StatusPage;

/// <summary>
/// The public status page, for anyone: /status (HTML without any script), /status/summary.json and /status/feed.atom.
/// Served from the output cache, so a crowd of customers costs one database read per publication or five seconds.
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
        services.AddOutputCache(o => o.AddPolicy(OutputCachedStatusPage.Policy, b => b
            .Expire(TimeSpan.FromSeconds(5))
            .Tag(OutputCachedStatusPage.Tag)
            .SetVaryByHost(true)));
        services.AddSingleton<IStatusPageCache, OutputCachedStatusPage>();
        return services;
    }

    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder endpoints)
    {
        var status = endpoints.MapGroup("/status")
            .AllowAnonymous()
            .CacheOutput(OutputCachedStatusPage.Policy)
            .AddEndpointFilter(async (context, next) =>
            {
                var headers = context.HttpContext.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return await next(context);
            });

        status.MapGet("", async (StatusPageQueries queries, CancellationToken cancellationToken) =>
            new RazorComponentResult<StatusDocument>(new { Snapshot = await queries.GetSnapshotAsync(cancellationToken) }));

        status.MapGet("/summary.json", async (StatusPageQueries queries, CancellationToken cancellationToken) =>
            TypedResults.Json(StatusSummary.From(await queries.GetSnapshotAsync(cancellationToken)), Json));

        status.MapGet("/feed.atom", async (StatusPageQueries queries, HttpContext context, CancellationToken cancellationToken) =>
        {
            var snapshot = await queries.GetSnapshotAsync(cancellationToken);
            var root = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Text(StatusFeed.Write(snapshot, root), "application/atom+xml; charset=utf-8");
        });
        return endpoints;
    }
}
