using System.Text;
using IncidentHub.Core.Common;
using IncidentHub.Core.Insights;
using IncidentHub.Web.Auth;
using Microsoft.Net.Http.Headers;

namespace IncidentHub.Web.Insights;

/// <summary>
/// <c>GET /insights/{section}.csv?period=...&amp;tz=Europe/London</c>: one section of the insights page as CSV, built
/// from the same query and the same table as the page, so the file holds exactly what the table shows. Signed-in
/// people only; private incidents are named only to those who may see them, as on the page.
/// </summary>
public static class InsightsCsv
{
    private static readonly Dictionary<string, InsightsSection> Sections = Enum.GetValues<InsightsSection>()
        .ToDictionary(InsightsTable.Slug, s => s, StringComparer.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapInsightsCsv(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/insights/{section}.csv", async (
            string section,
            string? period,
            string? from,
            string? to,
            string? by,
            int[]? severity,
            string[]? status,
            string? visibility,
            string? tz,
            HttpContext http,
            InsightsQueries insights,
            TimeProvider time) =>
        {
            if (http.User.ToActor() is not { } viewer || !Sections.TryGetValue(section, out var which))
            {
                return Results.NotFound();
            }

            var query = InsightsQuery.Parse(period, from, to, by, severity, status, visibility);
            var (filter, problem) = query.ToFilter(time.GetUtcNow(), TimeDisplay.FindZone(tz));
            if (problem is not null)
            {
                return Results.BadRequest(new { error = problem });
            }

            var report = await insights.GetAsync(viewer, filter, http.RequestAborted);
            var table = InsightsTable.For(report, which);
            http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            // A byte-order mark, so that spreadsheets read the names' accents right.
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(table.ToCsv())).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", table.FileName(filter));
        })
        .RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }
}
