using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Reminders;

public sealed class SkipUpdateRequest
{
    [Required(ErrorMessage = "Say why this update is skipped; it goes on the timeline.")]
    [StringLength(TextLimits.Reason, ErrorMessage = "Keep the reason to 1,000 characters or fewer.")]
    public string Reason { get; set; } = "";
}
