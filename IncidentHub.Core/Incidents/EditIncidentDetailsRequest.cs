using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Incidents;

public sealed class EditIncidentDetailsRequest
{
    [Required(ErrorMessage = "The incident needs a name.")]
    [TextLimit(TextLimits.Name, "the name")]
    public string Name { get; set; } = "";

    [TextLimit(TextLimits.LongText, "the summary")]
    public string? Summary { get; set; }

    [TextLimit(TextLimits.LongText, "the customer impact")]
    public string? CustomerImpact { get; set; }
}

/// <summary>The editable text of an incident as someone saw it.</summary>
public sealed record IncidentDetails(string Name, string? Summary, string? CustomerImpact);
