using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Roles;

/// <summary>Hand the lead to someone: they see the note and accept it ("I have it").</summary>
public sealed class OfferLeadRequest
{
    [Required(ErrorMessage = "Pick who takes the lead.")]
    public string UserId { get; set; } = "";

    /// <summary>Required when offering the lead to someone else; optional when taking it yourself.</summary>
    [TextLimit(TextLimits.Reason, "the hand-over note")]
    public string? Note { get; set; }
}
