using IncidentHub.Core.Roles;

namespace IncidentHub.Web.Components.Pages.Admin;

/// <summary>
/// Words for the settings page about what each built-in role kind does. Describes the rules Core enforces
/// (<see cref="RoleDefinition"/>, the incident aggregate); it does not decide anything.
/// </summary>
public static class IncidentRoleText
{
    /// <summary>The rule a built-in kind carries beyond its name and instructions; null when there is none.</summary>
    public static string? Behaviour(IncidentRoleKind kind) => kind switch
    {
        IncidentRoleKind.Lead => "Exactly one person holds it while an incident is active; a change of lead is a recorded hand-over.",
        IncidentRoleKind.Reporter => "Given automatically to whoever declares the incident.",
        _ => null,
    };

    public static string BuiltInNote(IncidentRoleKind kind) =>
        $"Built-in role: you can rename it and reword its instructions, but not archive it. {Behaviour(kind)}".TrimEnd();
}
