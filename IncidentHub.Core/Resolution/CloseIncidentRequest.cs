using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Resolution;

/// <summary>What becomes of an outstanding action when the incident ends.</summary>
public enum ActionOutcome
{
    KeepAsFollowUp,
    MarkDone,
    Drop,
}

/// <summary>
/// What becomes of a public notice that no longer tells customers the truth (still "going on" when the incident
/// ends, or "fixed" when it reopens): publish the proposed text now, or leave it with a reason.
/// </summary>
public enum NoticeOutcome
{
    Publish,
    Leave,
}

public sealed class ActionDecision
{
    public int ActionId { get; set; }

    public ActionOutcome Outcome { get; set; } = ActionOutcome.KeepAsFollowUp;

    /// <summary>Why it is dropped (required for <see cref="ActionOutcome.Drop"/>).</summary>
    [TextLimit(TextLimits.Reason, "the reason")]
    public string? Reason { get; set; }
}

/// <summary>
/// Ending an incident in one step: the closing update, and a decision for everything still open (each outstanding
/// action, a live public notice). Resolve, Close and Decline all take it.
/// </summary>
public sealed class CloseIncidentRequest
{
    /// <summary>Resolved, Closed or Declined.</summary>
    public IncidentStatus Target { get; set; } = IncidentStatus.Resolved;

    /// <summary>The status the person saw; someone else moving it meanwhile is a conflict.</summary>
    public IncidentStatus ExpectedStatus { get; set; }

    /// <summary>The closing update (resolving), or the note that says why (closing, declining).</summary>
    [TextLimit(TextLimits.LongText, "the closing update")]
    public string Message { get; set; } = "";

    public List<ActionDecision> Actions { get; set; } = [];

    /// <summary>Required when the notice is live; ignored otherwise.</summary>
    public NoticeOutcome? Notice { get; set; }

    [TextLimit(TextLimits.Name, "the notice's title")]
    public string? NoticeTitle { get; set; }

    [TextLimit(StatusPage.PublicNoticeForm.MessageMax, "the notice's message")]
    public string? NoticeMessage { get; set; }

    /// <summary>Why the live notice is left as it is (required for <see cref="NoticeOutcome.Leave"/>).</summary>
    [TextLimit(TextLimits.Reason, "the reason")]
    public string? NoticeReason { get; set; }

    /// <summary>The notice's version the person saw; a publication made meanwhile is a conflict.</summary>
    public Guid? NoticeVersion { get; set; }
}
