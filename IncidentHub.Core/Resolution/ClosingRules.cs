using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;

namespace IncidentHub.Core.Resolution;

/// <summary>
/// The rules of ending an incident: which ends go through this step, what must be decided, and what is proposed.
/// Pure: the service applies them to the aggregate and the notice in one transaction.
/// </summary>
public static class ClosingRules
{
    public static bool IsEnding(IncidentStatus target) => target is IncidentStatus.Resolved or IncidentStatus.Closed or IncidentStatus.Declined;

    public static bool UpdateRequired(IncidentStatus target) => target == IncidentStatus.Resolved;

    /// <summary>The field a problem with one action's decision is reported on, so each door shows it next to that action.</summary>
    public static string ActionField(int actionId) => $"{nameof(CloseIncidentRequest.Actions)}[{actionId}]";

    /// <summary>The field a missing reason for dropping one action is reported on.</summary>
    public static string ActionReasonField(int actionId) => $"{ActionField(actionId)}.{nameof(ActionDecision.Reason)}";

    /// <summary>A declined incident was never one: its actions are done or dropped, never kept for after it.</summary>
    public static IReadOnlyList<ActionOutcome> OutcomesFor(IncidentStatus target) => target == IncidentStatus.Declined
        ? [ActionOutcome.MarkDone, ActionOutcome.Drop]
        : [ActionOutcome.KeepAsFollowUp, ActionOutcome.MarkDone, ActionOutcome.Drop];

    /// <summary>During-incident actions still outstanding: each needs a decision.</summary>
    public static IReadOnlyList<ActionView> OpenActions(IEnumerable<ActionView> actions) =>
        [.. actions.Where(a => !a.IsFollowUp && a.Status == ActionStatus.Outstanding)];

    public static string ProposedUpdate(IncidentStatus target, string name) => target switch
    {
        IncidentStatus.Resolved => $"Resolved: {name} is fixed and service is back to normal. We will follow up in the review.",
        IncidentStatus.Declined => "Not an incident after all.",
        _ => "",
    };

    public static string ProposedNoticeMessage(IncidentStatus target) => target == IncidentStatus.Declined
        ? "This turned out not to affect our service. Everything is working normally."
        : "This incident has been resolved and everything is working normally. Thank you for your patience.";

    /// <summary>Checks the decisions against what is open now; every problem is named, nothing is applied on failure.</summary>
    public static void Check(CloseIncidentRequest request, IReadOnlyList<ActionView> openActions, bool noticeIsLive)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(openActions);
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (!IsEnding(request.Target))
        {
            Add(nameof(request.Target), "Only resolving, closing and declining go through this step.");
        }

        if (UpdateRequired(request.Target) && string.IsNullOrWhiteSpace(request.Message))
        {
            Add(nameof(request.Message), "Write the closing update: what fixed it and what happens next.");
        }

        var allowed = OutcomesFor(request.Target);
        var decided = request.Actions.GroupBy(d => d.ActionId).ToDictionary(g => g.Key, g => g.Last());
        foreach (var action in openActions)
        {
            if (!decided.TryGetValue(action.Id, out var decision))
            {
                Add(ActionField(action.Id), $"\"{action.Title}\" is still outstanding (added since you looked?): decide what becomes of it.");
                continue;
            }

            if (!allowed.Contains(decision.Outcome))
            {
                Add(ActionField(action.Id), $"A declined incident keeps no follow-ups: mark \"{action.Title}\" done or drop it.");
            }
            else if (decision.Outcome == ActionOutcome.Drop && string.IsNullOrWhiteSpace(decision.Reason))
            {
                Add(ActionReasonField(action.Id), $"Say why \"{action.Title}\" is not being done.");
            }
        }

        if (noticeIsLive)
        {
            switch (request.Notice)
            {
                case null:
                    Add(nameof(request.Notice), "The status page still shows this incident: publish the resolution or say why it stays.");
                    break;
                case NoticeOutcome.Publish when string.IsNullOrWhiteSpace(request.NoticeTitle) || string.IsNullOrWhiteSpace(request.NoticeMessage):
                    Add(nameof(request.NoticeMessage), "Give the resolution a title and a message customers will read.");
                    break;
                case NoticeOutcome.Leave when string.IsNullOrWhiteSpace(request.NoticeReason):
                    Add(nameof(request.NoticeReason), "Say why the status page keeps showing this incident.");
                    break;
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    /// <summary>The resolution as customers will read it.</summary>
    public static PublicNoticeForm ResolutionForm(CloseIncidentRequest request) => new()
    {
        Title = request.NoticeTitle?.Trim() ?? "",
        Message = request.NoticeMessage?.Trim() ?? "",
        Status = PublicStatus.Resolved,
        Version = request.NoticeVersion,
    };
}
