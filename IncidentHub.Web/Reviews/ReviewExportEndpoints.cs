using System.Text;
using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Reviews;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Components.Pages.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace IncidentHub.Web.Reviews;

public static class ReviewExportEndpoints
{
    /// <summary>
    /// <c>GET /incidents/{number}/review.md?tz=Europe/London</c>: the review as a Markdown file, for signed-in people who
    /// may see the incident. Anyone else gets 404, the same as for an incident that does not exist; a view of a private
    /// incident by someone not on it goes in its access log, as opening the page does.
    /// </summary>
    public static IEndpointRouteBuilder MapReviewExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/incidents/{number:int:min(1)}/review.md", async (
            int number, string? tz, HttpContext http, ReviewQueries reviews, IncidentAccessService access, TimeProvider time) =>
        {
            if (http.User.ToActor() is not { } viewer
                || await reviews.GetReviewAsync(viewer, number, http.RequestAborted) is not { } review)
            {
                return Results.NotFound();
            }

            await access.RecordViewAsync(viewer, review.Incident.Id, http.RequestAborted);
            var markdown = ReviewMarkdown.Render(review, TimeDisplay.FindZone(tz), time.GetUtcNow());
            http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return Results.File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", ReviewMarkdown.FileName(review));
        })
        .RequireAuthorization(Policies.SignedIn);

        // GET /incidents/{number}/review/print?tz=...: the review as one printable HTML page, for the same people.
        endpoints.MapGet("/incidents/{number:int:min(1)}/review/print", async (
            int number, string? tz, HttpContext http, ReviewQueries reviews, IncidentAccessService access, TimeProvider time) =>
        {
            if (http.User.ToActor() is not { } viewer
                || await reviews.GetReviewAsync(viewer, number, http.RequestAborted) is not { } review)
            {
                return Results.NotFound();
            }

            await access.RecordViewAsync(viewer, review.Incident.Id, http.RequestAborted);
            http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            return (IResult)new RazorComponentResult<ReviewPrintDocument>(new { Review = review, Zone = TimeDisplay.FindZone(tz), Now = time.GetUtcNow() });
        })
        .RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }
}
