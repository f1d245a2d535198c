using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Actions;

public sealed class AddActionRequest
{
    [Required(ErrorMessage = "Say what needs doing.")]
    [TextLimit(TextLimits.Name, "an action")]
    public string Title { get; set; } = "";

    /// <summary>Who is doing it; nobody yet when empty.</summary>
    public string? OwnerId { get; set; }
}
