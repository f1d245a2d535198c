namespace IncidentHub.Core.Common;

/// <summary>The three account roles. Every user holds exactly one.</summary>
public enum AppRole
{
    /// <summary>
    /// Reads everything they may see and declares; runs only the incidents they declared or hold a role on (see
    /// <see cref="Incidents.IncidentPermissions"/>).
    /// </summary>
    Viewer,

    /// <summary>Declares and runs every incident they may see.</summary>
    Responder,

    /// <summary>Everything a responder does, plus configuration and user management.</summary>
    Admin,
}

public static class AppRoles
{
    public const string Admin = nameof(AppRole.Admin);
    public const string Responder = nameof(AppRole.Responder);
    public const string Viewer = nameof(AppRole.Viewer);

    public static IReadOnlyList<AppRole> All { get; } = [AppRole.Admin, AppRole.Responder, AppRole.Viewer];

    public static string Describe(AppRole role) => role switch
    {
        AppRole.Admin => "Configures IncidentHub and manages users; can also run incidents.",
        AppRole.Responder => "Declares and runs every incident.",
        _ => "Reads incidents and declares; runs only the incidents they declared or hold a role on.",
    };
}
