namespace IncidentHub.Web.Auth;

/// <summary>Until the first administrator exists, every page leads to the first-run set-up.</summary>
public sealed class FirstRunGate(RequestDelegate next)
{
    public const string SetupPath = "/setup";

    public async Task InvokeAsync(HttpContext context, SetupState setup)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(setup);
        var path = context.Request.Path;
        var isPage = (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && !path.StartsWithSegments(SetupPath, StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/status", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase)
            && !Path.HasExtension(path.Value);
        if (isPage && !await setup.IsCompleteAsync(context.RequestAborted))
        {
            context.Response.Redirect(SetupPath);
            return;
        }

        await next(context);
    }
}
