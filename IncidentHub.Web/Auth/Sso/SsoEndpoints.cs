using System.Security.Claims;
using IncidentHub.Core.Users;
using IncidentHub.Core.Users.SingleSignOn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Auth.Sso;

/// <summary>
/// <c>GET /account/sso</c> (anonymous): sends the browser to the identity provider. <c>GET /account/sso/complete</c>
/// (anonymous, reached back from the provider with Identity's external cookie): Core decides the account and its role,
/// then the IncidentHub session begins. Both answer 404 while single sign-on is not configured.
/// </summary>
public static class SsoEndpoints
{
    public const string StartPath = "/account/sso";

    public const string CompletePath = "/account/sso/complete";

    /// <summary>The sign-in page with the reason a single sign-on was refused (a fixed word, never the provider's text).</summary>
    public static string LoginWithRefusal(SsoRefusal refusal) => "/account/login?sso=" + refusal.ToString().ToLowerInvariant();

    public static IEndpointRouteBuilder MapSsoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(StartPath, (string? returnUrl, IOptions<OidcSettings> settings) =>
        {
            if (!settings.Value.Enabled)
            {
                return Results.NotFound();
            }

            var next = CompletePath + "?returnUrl=" + Uri.EscapeDataString(ReturnUrls.Safe(returnUrl));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = next }, [OidcSettings.Scheme]);
        }).AllowAnonymous();

        endpoints.MapGet(CompletePath, CompleteAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> CompleteAsync(
        HttpContext context,
        string? returnUrl,
        IOptions<OidcSettings> settings,
        IOptions<SessionSettings> sessions,
        SingleSignOnService sso,
        SignInManager<AppUser> signIn,
        TimeProvider time)
    {
        if (!settings.Value.Enabled)
        {
            return Results.NotFound();
        }

        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is not { } principal)
        {
            return Results.Redirect(LoginWithRefusal(SsoRefusal.Failed));
        }

        var result = await sso.SignInAsync(ToLogin(principal, settings.Value), context.RequestAborted);
        if (result.Refusal is { } refusal)
        {
            return Results.Redirect(LoginWithRefusal(refusal));
        }

        var user = await signIn.UserManager.FindByIdAsync(result.UserId!);
        if (user is null || !await signIn.CanSignInAsync(user))
        {
            return Results.Redirect(LoginWithRefusal(SsoRefusal.Deactivated));
        }

        await signIn.SignInAsync(user, SessionLifetime.PropertiesFor(keepSignedIn: false, sessions.Value, time.GetUtcNow()), OidcSettings.Scheme);
        return Results.LocalRedirect(ReturnUrls.Safe(returnUrl));
    }

    /// <summary>The validated ID token's claims, in Core's words.</summary>
    public static SsoLogin ToLogin(ClaimsPrincipal principal, OidcSettings settings)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(settings);
        var email = principal.FindFirstValue(settings.EmailClaim)
            ?? (principal.FindFirstValue("preferred_username") is { } upn && upn.Contains('@', StringComparison.Ordinal) ? upn : null);
        var name = principal.FindFirstValue(settings.NameClaim)
            ?? string.Join(' ', new[] { principal.FindFirstValue("given_name"), principal.FindFirstValue("family_name") }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var groups = principal.FindAll(settings.GroupsClaim).Select(c => c.Value).ToList();
        return new SsoLogin(principal.FindFirstValue("sub") ?? "", email, string.IsNullOrWhiteSpace(name) ? null : name, groups);
    }
}
