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

/// <summary>New words for a key event in the review, and the words the writer started from.</summary>
public sealed class RewordKeyEventRequest
{
    public long EntryId { get; set; }

    /// <summary>The key event's words as the writer saw them (someone else's rewording since is a clash).</summary>
    public string SeenText { get; set; } = "";

    /// <summary>Blank: back to the entry's own words.</summary>
    [TextLimit(TextLimits.LongText, "the key event's words")]
    public string? Wording { get; set; }
}
