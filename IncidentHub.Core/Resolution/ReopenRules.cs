using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;

namespace IncidentHub.Core.Resolution;

/// <summary>
/// The rules of reopening a resolved incident: when the status page must be decided on, what is proposed, and what
/// a valid decision is. Pure: <see cref="ReopeningService"/> applies them in one transaction.
/// </summary>
public static class ReopenRules
{
    /// <summary>Reopening: a resolved incident goes back to Investigating.</summary>
    public static bool IsReopening(IncidentStatus from, IncidentStatus to) => from == IncidentStatus.Resolved && to == IncidentStatus.Investigating;

    /// <summary>A published notice that says a fix is in place (monitoring it, or resolved) is wrong once the incident reopens.</summary>
    public static bool SaysFixed(bool published, PublicStatus status) => published && status is PublicStatus.Monitoring or PublicStatus.Resolved;

    public const string ProposedNoticeMessage =
        "The problem has come back: the earlier fix did not hold. We are investigating again and will post an update here soon.";

    /// <summary>Checks the decision; every problem is named, nothing is applied on failure.</summary>
    public static void Check(ReopenIncidentRequest request, bool noticeSaysFixed)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!noticeSaysFixed)
        {
            return;
        }

        (string Field, string Message)? error = request.Notice switch
        {
            null => (nameof(request.Notice), "The status page still tells customers it is fixed: publish that it is back, or say why it stays."),
            NoticeOutcome.Publish when string.IsNullOrWhiteSpace(request.NoticeTitle) || string.IsNullOrWhiteSpace(request.NoticeMessage) =>
                (nameof(request.NoticeMessage), "Give the notice a title and a message customers will read."),
            NoticeOutcome.Leave when string.IsNullOrWhiteSpace(request.NoticeReason) =>
                (nameof(request.NoticeReason), "Say why the status page keeps saying it is fixed."),
            _ => null,
        };
        if (error is { } problem)
        {
            throw ValidationFailedException.For(problem.Field, problem.Message);
        }
    }

    /// <summary>
    /// The notice as customers will read it: Investigating again. No service is marked affected (the earlier states
    /// ended with the resolution); the notice card sets them.
    /// </summary>
    public static PublicNoticeForm NoticeForm(ReopenIncidentRequest request) => new()
    {
        Title = request.NoticeTitle?.Trim() ?? "",
        Message = request.NoticeMessage?.Trim() ?? "",
        Status = PublicStatus.Investigating,
        Version = request.NoticeVersion,
    };
}
