using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Updates;

public sealed class PostUpdateRequest
{
    [Required(ErrorMessage = "Write the update: what is happening and what comes next.")]
    [TextLimit(TextLimits.LongText, "an update")]
    public string Message { get; set; } = "";

    /// <summary>Move the status in the same step; null keeps it.</summary>
    public IncidentStatus? NewStatus { get; set; }

    /// <summary>Change the severity in the same step; null keeps it.</summary>
    public int? NewSeverityId { get; set; }

    /// <summary>The status the writer saw when choosing <see cref="NewStatus"/>; someone else moving it meanwhile is a conflict.</summary>
    public IncidentStatus? ExpectedStatus { get; set; }

    /// <summary>The severity the writer saw when choosing <see cref="NewSeverityId"/>.</summary>
    public int? ExpectedSeverityId { get; set; }
}
