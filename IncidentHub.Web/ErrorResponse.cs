using System.Diagnostics;
using System.Net;

namespace IncidentHub.Web;

/// <summary>
/// The last line of defence: a plain page for an unexpected failure, written directly so that it works for any method
/// and whatever else is broken. It names a reference for the logs and nothing else.
/// </summary>
public static class ErrorResponse
{
    public static async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reference = WebUtility.HtmlEncode(Activity.Current?.Id ?? context.TraceIdentifier);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Something went wrong · IncidentHub</title><link rel="stylesheet" href="/app.css"></head>
            <body><div class="ih-account"><main class="ih-account-card">
            <h1>Something went wrong</h1>
            <p>IncidentHub could not finish that request. Nothing you saved earlier was lost. Go back and try again; if it
            keeps happening, give your admin this reference:</p><p><code>{{reference}}</code></p>
            <p><a href="/">Back to the dashboard</a></p></main></div></body></html>
            """);
    }
}
