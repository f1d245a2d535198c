using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.PostIncident;

/// <summary>How the due time is given: a number of hours or of days after the resolution.</summary>
public enum DueAfterUnit
{
    Hours,
    Days,
}

/// <summary>An admin's post-incident task, as typed.</summary>
public sealed class PostIncidentTaskForm
{
    public int? Id { get; set; }

    /// <summary>The version the editor started from; a newer one in the database is a conflict.</summary>
    public Guid? Version { get; set; }

    [Required(ErrorMessage = "Say what the task is.")]
    [TextLimit(TextLimits.Name, "the task")]
    public string Name { get; set; } = "";

    [TextLimit(TextLimits.Reason, "the guidance")]
    public string? Guidance { get; set; }

    /// <summary>The role on the incident that owns it.</summary>
    public int? OwnerRoleDefinitionId { get; set; }

    public int? DueAfter { get; set; }

    public DueAfterUnit DueAfterUnit { get; set; } = DueAfterUnit.Days;

    /// <summary>The severities whose incidents get it (none: no incident does, said on the page).</summary>
    public ISet<int> SeverityIds { get; set; } = new HashSet<int>();

    /// <summary>The due time in hours, or a message naming the allowed range (never clamped).</summary>
    public int DueAfterHours()
    {
        var max = DueAfterUnit == DueAfterUnit.Days ? PostIncidentTaskDefinition.MaxDueAfterHours / 24 : PostIncidentTaskDefinition.MaxDueAfterHours;
        var unit = DueAfterUnit == DueAfterUnit.Days ? "days" : "hours";
        if (DueAfter is not { } value || value < 1 || value > max)
        {
            throw ValidationFailedException.For(nameof(DueAfter), $"Due after is a whole number of {unit} from 1 to {max}.");
        }

        return DueAfterUnit == DueAfterUnit.Days ? value * 24 : value;
    }
}

/// <summary>A post-incident task definition as the admin page shows it.</summary>
public sealed record PostIncidentTaskDefinitionView(
    int Id,
    string Name,
    string Guidance,
    int OwnerRoleDefinitionId,
    string OwnerRoleName,
    int DueAfterHours,
    IReadOnlyList<int> SeverityIds,
    IReadOnlyList<string> SeverityNames,
    int SortOrder,
    bool IsArchived,
    Guid Version)
{
    /// <summary>"2 days", "36 hours": whole days when it is, hours otherwise.</summary>
    public string DueAfterText => DueAfterTexts.Describe(DueAfterHours);
}

public static class DueAfterTexts
{
    public static string Describe(int hours) => hours % 24 == 0
        ? (hours / 24 == 1 ? "1 day" : $"{hours / 24} days")
        : (hours == 1 ? "1 hour" : $"{hours} hours");
}
