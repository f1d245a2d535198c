using IncidentHub.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace IncidentHub.Core.Users;

/// <summary>
/// A person with an IncidentHub account. The account role lives here (one per user), so there is one place that
/// says what someone may do.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public AppRole Role { get; set; } = AppRole.Viewer;

    /// <summary>A deactivated user cannot sign in but stays on the incidents they worked on.</summary>
    public bool IsActive { get; set; } = true;

    public Actor ToActor() => new(Id, DisplayName, Role);
}
