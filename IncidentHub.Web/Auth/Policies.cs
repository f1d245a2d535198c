using IncidentHub.Core.Common;

namespace IncidentHub.Web.Auth;

/// <summary>
/// Who may use what. Every page and endpoint names one of these (or is anonymous on purpose); the fallback policy
/// requires a signed-in user for anything that forgets.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user: Viewer, Responder or Admin.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Responders and admins: declare and run incidents.</summary>
    public const string Responder = "Responder";

    /// <summary>Admins: configuration and users.</summary>
    public const string Admin = "Admin";

    public static void Configure(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Responder, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Responder, AppRoles.Admin))
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Admin))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
