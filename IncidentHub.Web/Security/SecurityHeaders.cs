namespace IncidentHub.Web.Security;

/// <summary>
/// Headers on every response, pages and endpoints alike. The Content-Security-Policy allows only IncidentHub's own
/// scripts (no inline script, no eval) and its own live connection; styles may be inline because MudBlazor sets
/// <c>style</c> attributes and a theme <c>&lt;style&gt;</c> element at run time. An endpoint that needs a stricter
/// policy (the public status page, attachments) sets its own, which is kept.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "same-origin";

    /// <summary>No camera, microphone, location, payment or other device access for any page.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            Default(headers, "Content-Security-Policy", ContentSecurityPolicy);
            Default(headers, "X-Content-Type-Options", "nosniff");
            Default(headers, "Referrer-Policy", ReferrerPolicy);
            Default(headers, "Permissions-Policy", PermissionsPolicy);
            Default(headers, "X-Frame-Options", "DENY");
            Default(headers, "Cross-Origin-Opener-Policy", "same-origin");
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static void Default(IHeaderDictionary headers, string name, string value)
    {
        if (!headers.ContainsKey(name))
        {
            headers[name] = value;
        }
    }
}
