using IncidentHub.Core.Events;

namespace IncidentHub.Core.Live;

/// <summary>
/// Tells open browsers that an incident changed: one <see cref="IncidentChange"/> per incident per change (a change
/// that moved the status with an update is one reload, not two). Live: after a restart there is nobody to tell about
/// the past, so it starts from the end of the log.
/// </summary>
public sealed class LiveFeedConsumer(IIncidentChangeFeed feed) : IEventConsumer
{
    public string Name => "live-feed";

    public bool IsDurable => false;

    public Task HandleAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var change in batch.Events.GroupBy(e => (e.ChangeId, e.IncidentId)))
        {
            var first = change.First();
            feed.Publish(new IncidentChange(first.IncidentId, first.IncidentNumber, KindOf(first.Event), first.ActorId, change.Any(e => e.IsPrivate)), change.Max(e => e.Sequence));
        }

        return Task.CompletedTask;
    }

    /// <summary>What pages hear; a new event that no page needs to tell apart reads as a timeline change.</summary>
    public static IncidentChangeKind KindOf(IncidentEvent incidentEvent) => incidentEvent switch
    {
        IncidentDeclared => IncidentChangeKind.Declared,
        UpdatePosted => IncidentChangeKind.UpdatePosted,
        StatusChanged => IncidentChangeKind.StatusChanged,
        SeverityChanged => IncidentChangeKind.SeverityChanged,
        DetailsEdited => IncidentChangeKind.DetailsEdited,
        LeadHandedOver or LeadHandoverOffered or LeadHandoverWithdrawn or RoleAssigned or RoleUnassigned => IncidentChangeKind.RolesChanged,
        ActionAdded or ActionStatusChanged or ActionOwnerChanged => IncidentChangeKind.ActionsChanged,
        FollowUpAdded or ActionKeptAsFollowUp or FollowUpPlanned or FollowUpDropped => IncidentChangeKind.ActionsChanged,
        PostIncidentTaskCompleted or PostIncidentTaskReopened or PostIncidentTaskNudged or FollowUpNudged => IncidentChangeKind.ActionsChanged,
        KeyTimeCorrected => IncidentChangeKind.TimestampsChanged,
        UpdateSkipped or ReminderSnoozed or CadenceChanged => IncidentChangeKind.ReminderChanged,
        UpdateNudged => IncidentChangeKind.NudgeSent,
        NoticeDraftSaved or NoticePublished => IncidentChangeKind.PublicNoticeChanged,
        VisibilityChanged => IncidentChangeKind.VisibilityChanged,
        AccessRequested or AccessGranted or AccessRefused or AccessRevoked => IncidentChangeKind.AccessChanged,
        _ => IncidentChangeKind.TimelineChanged,
    };
}
