using IncidentHub.Core.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace IncidentHub.Web.Auth;

/// <summary>The signed-in person, as an <see cref="Actor"/> for Core services. One per circuit.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetActorAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.ToActor() ?? throw new ForbiddenException("Your session has ended. Sign in again.");
    }

    public async Task<Actor?> TryGetActorAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.ToActor();
    }
}
