using System.Security.Claims;
using IncidentHub.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Auth;

/// <summary>Puts the account role and display name in the cookie.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(IncidentHubClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
