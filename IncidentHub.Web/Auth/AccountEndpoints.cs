using IncidentHub.Core.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace IncidentHub.Web.Auth;

public static class AccountEndpoints
{
    /// <summary>POST /account/logout: signed-in users; a request without a valid anti-forgery token gets 400.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest("This sign-out request did not come from an IncidentHub page. Use the Sign out button.");
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        })
        .RequireAuthorization(Policies.SignedIn)
        .DisableAntiforgery();
        return endpoints;
    }
}
