using IncidentHub.Core.Common;

namespace IncidentHub.Web.Auth;

/// <summary>
/// Who may use what. Every page and endpoint names one of these (or is anonymous on purpose); the fallback policy
/// requires a signed-in user for anything that forgets.
/// </summary>
public static class Policies
{
    /// <summary>
    /// Any signed-in user: Viewer, Responder or Admin. Everyone declares; who may change an incident is Core's answer
    /// per incident (<c>IncidentPermissions</c>), never a page policy.
    /// </summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Admins: configuration and users.</summary>
    public const string Admin = "Admin";

    public static void Configure(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Admin))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
