using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace IncidentHub.Web.Auth;

/// <summary>
/// The absolute end of a session: the moment of sign-in travels with it (in the cookie's properties and as a claim
/// that survives Identity's security-stamp refreshes), and a session older than
/// <see cref="SessionSettings.AbsoluteLifetime"/> is refused, in the cookie and in an open live page alike.
/// </summary>
public static class SessionLifetime
{
    public const string SignedInAtClaim = "incidenthub:signed_in_at";

    private const string SignedInAtItem = ".incidenthub.signed_in_at";

    /// <summary>What a password sign-in hands to the cookie: a persistent cookie only when asked for.</summary>
    public static AuthenticationProperties PropertiesFor(bool keepSignedIn, SessionSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new AuthenticationProperties
        {
            IsPersistent = keepSignedIn,
            // Without an explicit end the cookie handler uses the idle timeout; a kept session slides by its own length.
            ExpiresUtc = keepSignedIn ? now + settings.KeepSignedInFor : null,
        };
    }

    public static void Configure(CookieAuthenticationOptions cookie, SessionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        ArgumentNullException.ThrowIfNull(settings);
        cookie.ExpireTimeSpan = settings.IdleTimeout;
        cookie.SlidingExpiration = true;
        var validate = cookie.Events.OnValidatePrincipal;
        var signingIn = cookie.Events.OnSigningIn;
        cookie.Events.OnSigningIn = async context =>
        {
            var now = context.Options.TimeProvider?.GetUtcNow() ?? TimeProvider.System.GetUtcNow();
            // A refreshed sign-in keeps the original moment; only a new one starts the clock.
            var signedInAt = Read(Item(context.Properties))
                ?? SignedInAt(context.Principal)
                ?? now;
            Stamp(context.Principal, context.Properties, signedInAt);
            await signingIn(context);
        };
        cookie.Events.OnValidatePrincipal = async context =>
        {
            var now = context.Options.TimeProvider?.GetUtcNow() ?? TimeProvider.System.GetUtcNow();
            var signedInAt = SignedInAt(context.Principal)
                ?? Read(Item(context.Properties))
                ?? context.Properties.IssuedUtc;
            if (signedInAt is { } at && now - at >= settings.AbsoluteLifetime)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await validate(context);
        };
    }

    /// <summary>Copies the moment of sign-in onto the principal Identity rebuilds every security-stamp check.</summary>
    public static Task KeepSignedInAt(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.FindFirst(SignedInAtClaim) is { } claim
            && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == SignedInAtClaim))
        {
            identity.AddClaim(new Claim(SignedInAtClaim, claim.Value));
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether an open live page's user signed in too long ago.</summary>
    public static bool HasExpired(ClaimsPrincipal principal, SessionSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return SignedInAt(principal) is { } at && now - at >= settings.AbsoluteLifetime;
    }

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal? principal) => Read(principal?.FindFirst(SignedInAtClaim)?.Value);

    private static void Stamp(ClaimsPrincipal? principal, AuthenticationProperties properties, DateTimeOffset signedInAt)
    {
        var value = signedInAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
        properties.Items[SignedInAtItem] = value;
        if (principal?.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(SignedInAtClaim).ToList())
            {
                identity.RemoveClaim(old);
            }

            identity.AddClaim(new Claim(SignedInAtClaim, value));
        }
    }

    private static string? Item(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAtItem, out var value) ? value : null;

    private static DateTimeOffset? Read(string? ticks) =>
        long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? new DateTimeOffset(value, TimeSpan.Zero)
            : null;
}
