using IncidentHub.Core.Users.SingleSignOn;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Auth.Sso;

/// <summary>
/// <c>Authentication:Oidc:*</c>: single sign-on through an OpenID Connect provider (Entra ID, Okta, Keycloak, ...).
/// Off while <see cref="Authority"/> is empty. The client secret comes from configuration or the environment
/// (<c>Authentication__Oidc__ClientSecret</c>), never from a file in the repository.
/// </summary>
public sealed class OidcSettings
{
    public const string SectionName = "Authentication:Oidc";

    /// <summary>The authentication scheme of the OpenID Connect handler.</summary>
    public const string Scheme = "oidc";

    /// <summary>How the sign-in page names the provider: "Sign in with <c>DisplayName</c>".</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>The provider's issuer address; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The issuer the ID tokens must carry, when the provider's differs from <see cref="Authority"/>; by default the authority itself.</summary>
    public string? Issuer { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The ID token claim that lists the person's groups (or app roles).</summary>
    public string GroupsClaim { get; set; } = "groups";

    public string EmailClaim { get; set; } = "email";

    public string NameClaim { get; set; } = "name";

    public string[] AdminGroups { get; set; } = [];

    public string[] ResponderGroups { get; set; } = [];

    public string[] ViewerGroups { get; set; } = [];

    /// <summary>The role of people in none of the mapped groups: <c>Viewer</c>, <c>Responder</c>, or <c>None</c> (refused).</summary>
    public SsoDefaultRole DefaultRole { get; set; } = SsoDefaultRole.Viewer;

    /// <summary>Scopes asked for besides <c>openid profile email</c> (some providers need <c>groups</c>).</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>Whether the provider must be reached over HTTPS. Only turn it off for a provider on this machine.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public string CallbackPath { get; set; } = "/signin-oidc";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public SsoConfiguration ToConfiguration() => Enabled
        ? new SsoConfiguration(true, DisplayName.Trim(), new SsoRoleMap(Clean(AdminGroups), Clean(ResponderGroups), Clean(ViewerGroups), DefaultRole))
        : SsoConfiguration.Off;

    /// <summary>The issuers an ID token may carry: the configured one, with or without its trailing slash.</summary>
    public IReadOnlyList<string> ValidIssuers()
    {
        var issuer = (string.IsNullOrWhiteSpace(Issuer) ? Authority! : Issuer).Trim().TrimEnd('/');
        return [issuer, issuer + "/"];
    }

    private static string[] Clean(string[] groups) =>
        groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}

/// <summary>Stops start-up on single sign-on settings that cannot work, naming the setting.</summary>
public sealed class OidcSettingsValidator : IValidateOptions<OidcSettings>
{
    public ValidateOptionsResult Validate(string? name, OidcSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!Uri.TryCreate(options.Authority!.Trim(), UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            errors.Add("Authentication:Oidc:Authority must be the provider's absolute address, such as https://login.microsoftonline.com/<tenant id>/v2.0.");
        }
        else if (authority.Scheme != "https" && options.RequireHttpsMetadata)
        {
            errors.Add("Authentication:Oidc:Authority must be an https address (set Authentication:Oidc:RequireHttpsMetadata to false only for a provider on this machine).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add("Authentication:Oidc:ClientId is required when Authentication:Oidc:Authority is set: the application (client) id registered at the provider.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            errors.Add("Authentication:Oidc:ClientSecret is required when Authentication:Oidc:Authority is set (give it as the environment variable Authentication__Oidc__ClientSecret).");
        }

        if (string.IsNullOrWhiteSpace(options.DisplayName) || options.DisplayName.Trim().Length > 60)
        {
            errors.Add("Authentication:Oidc:DisplayName must be 1 to 60 characters, such as Contoso or Okta.");
        }

        if (string.IsNullOrWhiteSpace(options.GroupsClaim))
        {
            errors.Add("Authentication:Oidc:GroupsClaim must name a claim, such as groups or roles.");
        }

        if (!options.CallbackPath.StartsWith('/'))
        {
            errors.Add("Authentication:Oidc:CallbackPath must start with /, such as /signin-oidc.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
