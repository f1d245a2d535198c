using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Resolution;

/// <summary>
/// Reopening a resolved incident in one step: why (posted as the first update of the reopened incident), and, when
/// the status page tells customers a fix is in place, what becomes of that notice.
/// </summary>
public sealed class ReopenIncidentRequest
{
    /// <summary>The status the person saw; someone else moving it meanwhile is a conflict.</summary>
    public IncidentStatus ExpectedStatus { get; set; } = IncidentStatus.Resolved;

    /// <summary>What came back (optional): posted as an update once the incident is Investigating again.</summary>
    [TextLimit(TextLimits.LongText, "the update")]
    public string? Message { get; set; }

    /// <summary>Required when the notice says a fix is in place; ignored otherwise.</summary>
    public NoticeOutcome? Notice { get; set; }

    [TextLimit(TextLimits.Name, "the notice's title")]
    public string? NoticeTitle { get; set; }

    [TextLimit(StatusPage.PublicNoticeForm.MessageMax, "the notice's message")]
    public string? NoticeMessage { get; set; }

    /// <summary>Why the notice keeps saying it is fixed (required for <see cref="NoticeOutcome.Leave"/>).</summary>
    [TextLimit(TextLimits.Reason, "the reason")]
    public string? NoticeReason { get; set; }

    /// <summary>The notice's version the person saw; a publication made meanwhile is a conflict.</summary>
    public Guid? NoticeVersion { get; set; }
}
