using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace IncidentHub.Web.Data;

/// <summary>/healthz answers with a small JSON body: overall status and each check's status, no details.</summary>
public static class HealthResponse
{
    public static HealthCheckOptions Options { get; } = new()
    {
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.CacheControl = "no-store";
            var body = new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            };
            await JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
        },
    };
}
