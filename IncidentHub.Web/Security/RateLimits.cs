using System.Globalization;
using System.Threading.RateLimiting;
using IncidentHub.Web.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Security;

/// <summary>
/// ASP.NET Core rate limiting, decided by what a request is (see <see cref="KindOf"/>) before it reaches anything
/// costly: a refused request costs no password hash and no page rendering, and gets 429 with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public enum Kind
    {
        Other,
        SignIn,
        Public,
    }

    public static IServiceCollection AddIncidentHubRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitSettings>, RateLimitSettingsValidator>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>, TimeProvider>((o, settings, time) =>
        {
            var limits = settings.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerAddress(limits, time), Overall(limits));
        });
        return services;
    }

    /// <summary>Sign-in and set-up posts; reads of the public status endpoints; everything else (not limited).</summary>
    public static Kind KindOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsPost(request.Method)
            && (request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase)
                || request.Path.Equals(FirstRunGate.SetupPath, StringComparison.OrdinalIgnoreCase)))
        {
            return Kind.SignIn;
        }

        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Path.StartsWithSegments("/status", StringComparison.OrdinalIgnoreCase)
            ? Kind.Public
            : Kind.Other;
    }

    private static PartitionedRateLimiter<HttpContext> PerAddress(RateLimitSettings limits, TimeProvider time) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => KindOf(context.Request) switch
        {
            Kind.SignIn => RateLimitPartition.GetSlidingWindowLimiter("sign-in " + ClientAddress.Of(context), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limits.SignInPerAddressPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            }),
            // A burst, then the per-minute rate, on the app's clock (see TimedTokenBucket).
            Kind.Public => RateLimitPartition.Get("public " + ClientAddress.Of(context),
                _ => new TimedTokenBucket(limits.PublicBurstPerAddress, limits.PublicPerAddressPerMinute / 60.0, time)),
            _ => RateLimitPartition.GetNoLimiter("none"),
        });

    private static PartitionedRateLimiter<HttpContext> Overall(RateLimitSettings limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => KindOf(context.Request) == Kind.SignIn
            ? RateLimitPartition.GetSlidingWindowLimiter("sign-in overall", _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limits.SignInPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("none"));

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 10;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        if (KindOf(http.Request) == Kind.SignIn)
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(TooManySignIns(seconds), cancellationToken);
            return;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync($"Too many requests from your address. Try again in {seconds} seconds.", cancellationToken);
    }

    private static string TooManySignIns(int seconds) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <title>Too many attempts · IncidentHub</title><link rel="stylesheet" href="/app.css" /></head>
        <body><div class="ih-account"><main class="ih-account-card">
        <div class="ih-brand"><img src="/favicon.svg" alt="" width="32" height="32" /><span>IncidentHub</span></div>
        <h1>Too many sign-in attempts</h1>
        <p>This address has tried to sign in too often. Wait {{seconds}} seconds, then <a href="/account/login">try again</a>.</p>
        </main></div></body>
        </html>
        """;
}
