using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.StatusPage;

/// <summary>What customers will read: written separately from the internal updates, which never leak.</summary>
public sealed class PublicNoticeForm
{
    public const int MessageMax = 5_000;

    [Required(ErrorMessage = "Give the notice a title customers will understand, e.g. \"Payments failing for some cards\".")]
    [TextLimit(TextLimits.Name, "the title")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Write what customers should know: what is affected and what we are doing.")]
    [TextLimit(MessageMax, "the message")]
    public string Message { get; set; } = "";

    public PublicStatus Status { get; set; } = PublicStatus.Investigating;

    /// <summary>The services affected and how (a service not listed is operational as far as this notice goes).</summary>
    public Dictionary<int, ComponentState> Impacts { get; set; } = [];

    /// <summary>The notice's version the writer started from; a publication made meanwhile is a conflict.</summary>
    public Guid? Version { get; set; }
}
