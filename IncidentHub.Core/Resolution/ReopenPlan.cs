using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Resolution;

/// <summary>
/// What reopening must decide: the public notice when it says a fix is in place (null otherwise, and then reopening
/// is a plain status change), with the proposed text.
/// </summary>
public sealed record ReopenPlan(
    IncidentStatus Current,
    LiveNoticeView? Notice,
    bool CanPublish,
    string ProposedNoticeTitle,
    string ProposedNoticeMessage)
{
    public bool AsksFirst => Notice is not null;
}
