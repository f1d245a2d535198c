using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Reviews;

/// <summary>One section's new text, and the version the writer started from.</summary>
public sealed class SaveReviewSectionRequest
{
    public int SectionId { get; set; }

    public Guid SeenVersion { get; set; }

    [TextLimit(TextLimits.ReviewSection, "a section")]
    public string Body { get; set; } = "";
}

public sealed class AnswerReviewRequest
{
    public ReviewVerdict Verdict { get; set; }

    [TextLimit(TextLimits.Reason, "the comment")]
    public string? Comment { get; set; }
}

public sealed class ReopenReviewRequest
{
    public Guid SeenVersion { get; set; }

    [Required(ErrorMessage = "Say why the published review is reopened.")]
    [TextLimit(TextLimits.Reason, "the reason")]
    public string Reason { get; set; } = "";
}
