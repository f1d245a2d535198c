using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Updates;

public sealed class PostUpdateRequest
{
    [Required(ErrorMessage = "Write the update: what is happening and what comes next.")]
    [StringLength(TextLimits.LongText, ErrorMessage = "An update can be at most 10,000 characters.")]
    public string Message { get; set; } = "";

    /// <summary>Move the status in the same step; null keeps it.</summary>
    public IncidentStatus? NewStatus { get; set; }

    /// <summary>Change the severity in the same step; null keeps it.</summary>
    public int? NewSeverityId { get; set; }
}
