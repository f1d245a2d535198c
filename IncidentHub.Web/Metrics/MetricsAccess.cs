using IncidentHub.Core.Common;
using Microsoft.AspNetCore.Authorization;

namespace IncidentHub.Web.Metrics;

/// <summary>
/// Who may read <c>/metrics</c>: a scraper from one of <c>Metrics:AllowedNetworks</c>, or an admin signed in. Anyone
/// else is sent to sign in (or refused, when signed in without the Admin role).
/// </summary>
public sealed class MetricsAccess(MetricsOptions options) : AuthorizationHandler<MetricsAccess.Requirement>
{
    public const string Policy = "Metrics";

    public sealed class Requirement : IAuthorizationRequirement;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = (context.Resource as HttpContext)?.Connection.RemoteIpAddress;
        if (context.User.IsInRole(AppRoles.Admin) || options.Allows(address))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
