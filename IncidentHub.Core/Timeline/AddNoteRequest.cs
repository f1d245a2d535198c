using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Timeline;

public sealed class AddNoteRequest
{
    [Required(ErrorMessage = "Write the note first.")]
    [TextLimit(TextLimits.LongText, "a note")]
    public string Text { get; set; } = "";

    /// <summary>Mark the note as a key event straight away.</summary>
    public bool Highlight { get; set; }
}
