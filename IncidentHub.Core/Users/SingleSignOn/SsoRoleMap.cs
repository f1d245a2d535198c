using IncidentHub.Core.Common;

namespace IncidentHub.Core.Users.SingleSignOn;

/// <summary>
/// What people who sign in through the identity provider get when their groups match none of the lists:
/// a role, or no entry at all.
/// </summary>
public enum SsoDefaultRole
{
    Viewer,
    Responder,

    /// <summary>People in none of the mapped groups are refused.</summary>
    None,
}

/// <summary>
/// Which of the identity provider's groups give which account role (<c>Authentication:Oidc:AdminGroups</c>,
/// <c>ResponderGroups</c>, <c>ViewerGroups</c>, <c>DefaultRole</c>). Groups are compared ignoring case (Entra ID sends
/// ids, Okta and Keycloak send names).
/// </summary>
public sealed record SsoRoleMap(
    IReadOnlyCollection<string> AdminGroups,
    IReadOnlyCollection<string> ResponderGroups,
    IReadOnlyCollection<string> ViewerGroups,
    SsoDefaultRole DefaultRole)
{
    /// <summary>No group lists: the identity provider only says who someone is, and roles are kept in IncidentHub.</summary>
    public static SsoRoleMap Unmapped(SsoDefaultRole defaultRole = SsoDefaultRole.Viewer) => new([], [], [], defaultRole);

    /// <summary>Whether any group list is given; then the provider decides the role at every sign-in.</summary>
    public bool MapsGroups => AdminGroups.Count + ResponderGroups.Count + ViewerGroups.Count > 0;
}

/// <summary>The role someone gets at this sign-in (null: refused), and why, in words an admin reads.</summary>
public sealed record SsoRoleDecision(AppRole? Role, string Reason)
{
    public bool IsRefused => Role is null;
}

/// <summary>
/// The one rule for the role a single sign-on gives. The most powerful matching group wins (Admin, then Responder,
/// then Viewer); someone in none of them gets the default role (or is refused when it is <see cref="SsoDefaultRole.None"/>).
/// When no group lists are configured the provider only proves who someone is: a new account gets the default role,
/// an existing one keeps the role an admin gave it.
/// </summary>
public static class SsoRoleRules
{
    public static SsoRoleDecision Decide(SsoRoleMap map, IEnumerable<string> groups, AppRole? currentRole)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(groups);
        var held = groups.Select(g => g.Trim()).Where(g => g.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!map.MapsGroups && currentRole is { } kept)
        {
            return new SsoRoleDecision(kept, "roles are managed in IncidentHub (no groups are mapped)");
        }

        foreach (var (role, list) in new[] { (AppRole.Admin, map.AdminGroups), (AppRole.Responder, map.ResponderGroups), (AppRole.Viewer, map.ViewerGroups) })
        {
            if (list.FirstOrDefault(held.Contains) is { } group)
            {
                return new SsoRoleDecision(role, $"member of the group {group}");
            }
        }

        var reason = map.MapsGroups ? "in none of the mapped groups" : "no groups are mapped";
        return map.DefaultRole switch
        {
            SsoDefaultRole.Viewer => new SsoRoleDecision(AppRole.Viewer, $"{reason}: the default role"),
            SsoDefaultRole.Responder => new SsoRoleDecision(AppRole.Responder, $"{reason}: the default role"),
            _ => new SsoRoleDecision(null, $"{reason}, and people without a mapped group are not let in"),
        };
    }
}
