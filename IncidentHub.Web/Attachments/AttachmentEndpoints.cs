using IncidentHub.Core.Chat;
using IncidentHub.Web.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace IncidentHub.Web.Attachments;

public static class AttachmentEndpoints
{
    /// <summary>
    /// <c>GET /attachments/{token}</c>: signed-in users, with a link made for them in the last few minutes (see
    /// <see cref="AttachmentLinks"/>). Anything else is 404, the same as for an attachment that does not exist.
    /// </summary>
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{token}", async (string token, HttpContext http, AttachmentLinks links, ChatAttachmentService attachments) =>
        {
            if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                // An image request gets a status, not the not-found page.
                statusPages.Enabled = false;
            }

            // The link names its person; who may see the incident is asked again now, not when the link was made.
            var actor = http.User.ToActor();
            if (actor is null || token.Length > 2_000 || links.Read(token, actor.UserId) is not { } id
                || await attachments.GetContentAsync(actor, id, http.RequestAborted) is not { } content)
            {
                return Results.NotFound();
            }

            var headers = http.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.CacheControl] = "private, max-age=300";
            headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
            return Results.File(content.Bytes, content.ContentType);
        })
        .RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }
}
