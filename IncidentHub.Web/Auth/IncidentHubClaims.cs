using System.Security.Claims;
using IncidentHub.Core.Common;

namespace IncidentHub.Web.Auth;

public static class IncidentHubClaims
{
    public const string DisplayName = "incidenthub:display_name";

    /// <summary>The actor for a signed-in principal, or null for anonymous.</summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(id))
        {
            return null;
        }

        var role = principal.IsInRole(AppRoles.Admin) ? AppRole.Admin
            : principal.IsInRole(AppRoles.Responder) ? AppRole.Responder
            : AppRole.Viewer;
        var name = principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? "Unknown";
        return new Actor(id, name, role);
    }
}
