using IncidentHub.Core.Common;

namespace IncidentHub.Core.Incidents;

/// <summary>
/// The lifecycle: Triage → Investigating → Fixing → Monitoring → Resolved → Closed, and Triage → Declined.
/// While active the work may move between Investigating, Fixing and Monitoring in either direction; a resolved
/// incident may reopen to Investigating; Closed and Declined are final.
/// </summary>
public static class IncidentLifecycle
{
    public static IReadOnlyList<IncidentStatus> NextStatuses(IncidentStatus from) =>
        IncidentStatuses.All.Where(to => RefusalReason(from, to) is null).ToList();

    public static bool CanMove(IncidentStatus from, IncidentStatus to) => RefusalReason(from, to) is null;

    /// <summary>Throws a <see cref="DomainException"/> that says why, when the move is not allowed.</summary>
    public static void EnsureCanMove(IncidentStatus from, IncidentStatus to)
    {
        if (RefusalReason(from, to) is { } reason)
        {
            throw new DomainException(reason);
        }
    }

    /// <summary>Why <paramref name="from"/> cannot move to <paramref name="to"/>, or null when it can.</summary>
    public static string? RefusalReason(IncidentStatus from, IncidentStatus to)
    {
        if (from == to)
        {
            return $"The incident is already {from}.";
        }

        return (from, to) switch
        {
            (IncidentStatus.Closed, _) => "A closed incident is final and cannot change status.",
            (IncidentStatus.Declined, _) => "A declined incident is final and cannot change status.",
            (_, IncidentStatus.Triage) => "An incident cannot go back to Triage once it has been accepted.",
            (IncidentStatus.Triage, IncidentStatus.Resolved) =>
                "An incident in Triage must be accepted (Investigating, Fixing or Monitoring) or declined before it can be resolved.",
            (IncidentStatus.Triage, IncidentStatus.Closed) =>
                "An incident in Triage cannot be closed: accept it or decline it first.",
            (IncidentStatus.Triage, IncidentStatus.Declined) => null,
            (_, IncidentStatus.Declined) =>
                "Only an incident in Triage can be declined. This one was accepted: resolve it instead.",
            (IncidentStatus.Resolved, IncidentStatus.Closed) => null,
            (IncidentStatus.Resolved, IncidentStatus.Investigating) => null,
            (IncidentStatus.Resolved, _) => "A resolved incident reopens to Investigating first.",
            (_, IncidentStatus.Closed) => "Resolve the incident before closing it.",
            _ => null,
        };
    }
}
