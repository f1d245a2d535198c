using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Incidents;

public sealed class EditIncidentDetailsRequest
{
    [Required(ErrorMessage = "The incident needs a name.")]
    [StringLength(TextLimits.Name, ErrorMessage = "Keep the name to 200 characters or fewer.")]
    public string Name { get; set; } = "";

    [StringLength(TextLimits.LongText, ErrorMessage = "The summary can be at most 10,000 characters.")]
    public string? Summary { get; set; }

    [StringLength(TextLimits.LongText, ErrorMessage = "The customer impact can be at most 10,000 characters.")]
    public string? CustomerImpact { get; set; }
}

/// <summary>The editable text of an incident as someone saw it.</summary>
public sealed record IncidentDetails(string Name, string? Summary, string? CustomerImpact);
