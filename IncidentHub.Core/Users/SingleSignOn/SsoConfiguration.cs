namespace IncidentHub.Core.Users.SingleSignOn;

/// <summary>
/// Whether single sign-on is configured, the name people know the identity provider by ("Sign in with Contoso") and
/// its role map. The web app builds it from <c>Authentication:Oidc:*</c>; without it single sign-on is off.
/// </summary>
public sealed record SsoConfiguration(bool Enabled, string DisplayName, SsoRoleMap RoleMap)
{
    public static SsoConfiguration Off { get; } = new(false, "single sign-on", SsoRoleMap.Unmapped());
}
