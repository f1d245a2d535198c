using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Reminders;

public sealed class SkipUpdateRequest
{
    [Required(ErrorMessage = "Say why this update is skipped; it goes on the timeline.")]
    [TextLimit(TextLimits.Reason, "the reason")]
    public string Reason { get; set; } = "";
}
