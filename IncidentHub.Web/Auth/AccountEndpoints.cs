using IncidentHub.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IncidentHub.Web.Auth;

public static class AccountEndpoints
{
    /// <summary>POST /account/logout: signed-in users; anti-forgery checked.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }
}
