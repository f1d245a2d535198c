using IncidentHub.Core.Users.SingleSignOn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IncidentHub.Web.Auth.Sso;

/// <summary>
/// Single sign-on by configuration: with <c>Authentication:Oidc:Authority</c> set, an OpenID Connect handler
/// (authorization code with PKCE) signs people in to Identity's external cookie, and <see cref="SsoEndpoints"/> turns
/// that into an IncidentHub session through Core's <see cref="SingleSignOnService"/>. Without it nothing is added.
/// </summary>
public static partial class OidcSetup
{
    public static IServiceCollection AddIncidentHubSso(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OidcSettings>().BindConfiguration(OidcSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcSettings>, OidcSettingsValidator>();
        // Core's view of it (the role map, the provider's name); replaces Core's default "off".
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OidcSettings>>().Value.ToConfiguration());

        var settings = configuration.GetSection(OidcSettings.SectionName).Get<OidcSettings>() ?? new OidcSettings();
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddAuthentication().AddOpenIdConnect(OidcSettings.Scheme, settings.DisplayName, o => Configure(o, settings));
        return services;
    }

    private static void Configure(OpenIdConnectOptions o, OidcSettings settings)
    {
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.Authority = settings.Authority!.Trim();
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        o.CallbackPath = settings.CallbackPath;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back in a top-level GET, so the correlation and nonce cookies can be SameSite=Lax (a
        // form_post needs SameSite=None, which browsers refuse without HTTPS); PKCE binds the code to this browser.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email" }.Concat(settings.Scopes).Distinct(StringComparer.Ordinal))
        {
            o.Scope.Add(scope);
        }

        // Claims keep the provider's names (sub, email, groups): IncidentHub reads only the ID token's.
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false;
        o.TokenValidationParameters.NameClaimType = settings.NameClaim;
        // The token must be for this client (aud = ClientId, the handler's default) and from the configured issuer,
        // not merely from whatever issuer the discovery document names.
        var issuers = settings.ValidIssuers();
        o.TokenValidationParameters.IssuerValidator = (issuer, _, _) => issuers.Contains(issuer, StringComparer.Ordinal)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException($"The ID token's issuer is not {issuers[0]} (Authentication:Oidc:Authority or Issuer).");
        o.Events.OnRemoteFailure = context =>
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSetup));
            LogRemoteFailure(logger, context.Failure?.GetType().Name ?? "unknown");
            context.Response.Redirect(SsoEndpoints.LoginWithRefusal(SsoRefusal.Failed));
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A single sign-on was refused before it reached IncidentHub's accounts: {Failure}")]
    private static partial void LogRemoteFailure(ILogger logger, string failure);
}
