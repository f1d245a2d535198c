using IncidentHub.Core.Common;

namespace IncidentHub.Core.Roles;

/// <summary>
/// A role a person can hold on an incident, with instructions shown to whoever is given it.
/// </summary>
public sealed class RoleDefinition : IAdminEditable
{
    public const int NameMax = 60;
    public const int InstructionsMax = 2_000;

    private RoleDefinition()
    {
    }

    public RoleDefinition(IncidentRoleKind kind, string name, string instructions, int sortOrder)
    {
        Kind = kind;
        SortOrder = sortOrder;
        Change(name, instructions);
    }

    /// <summary>A role with a known id, as if loaded from the database. For tests of the aggregate.</summary>
    internal RoleDefinition(int id, IncidentRoleKind kind, string name, string instructions, int sortOrder)
        : this(kind, name, instructions, sortOrder)
    {
        Id = id;
    }

    public int Id { get; private set; }

    public IncidentRoleKind Kind { get; private set; }

    public string Name { get; private set; } = "";

    public string Instructions { get; private set; } = "";

    public int SortOrder { get; private set; }

    public bool IsArchived { get; private set; }

    /// <summary>Changes on every edit, so two admins editing at once do not overwrite each other.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsBuiltIn => Kind != IncidentRoleKind.Custom;

    /// <summary>Roles people assign by hand (the reporter is set at declaration).</summary>
    public bool IsAssignable => Kind != IncidentRoleKind.Reporter;

    public void Change(string name, string instructions)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMax)
        {
            throw ValidationFailedException.For(nameof(Name), $"A role needs a name of 1 to {NameMax} characters.");
        }

        if ((instructions ?? "").Length > InstructionsMax)
        {
            throw ValidationFailedException.For(nameof(Instructions), $"Instructions can be at most {InstructionsMax} characters.");
        }

        Name = name.Trim();
        Instructions = instructions?.Trim() ?? "";
        Version = Guid.NewGuid();
    }

    public void Archive()
    {
        if (IsBuiltIn)
        {
            throw new DomainException($"{Name} is a built-in role and cannot be removed.");
        }

        IsArchived = true;
    }

    public void Restore() => IsArchived = false;

    public static IReadOnlyList<RoleDefinition> Defaults() =>
    [
        new(IncidentRoleKind.Lead, "Incident Lead",
            "You own this incident until you hand it over. Coordinate the response, decide, and post an update on cadence. Delegate everything else.", 0),
        new(IncidentRoleKind.Reporter, "Reporter", "You declared this incident. Share what you saw with the lead.", 1),
        new(IncidentRoleKind.CommunicationsLead, "Communications Lead",
            "Keep stakeholders and customers informed so the lead does not have to. Draft customer-facing updates.", 2),
        new(IncidentRoleKind.Scribe, "Scribe",
            "Keep the timeline complete: add notes for decisions and findings, and highlight the key events.", 3),
    ];
}
