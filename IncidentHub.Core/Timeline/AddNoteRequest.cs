using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Timeline;

public sealed class AddNoteRequest
{
    [Required(ErrorMessage = "Write the note first.")]
    [StringLength(TextLimits.LongText, ErrorMessage = "A note can be at most 10,000 characters.")]
    public string Text { get; set; } = "";

    /// <summary>Mark the note as a key event straight away.</summary>
    public bool Highlight { get; set; }
}
