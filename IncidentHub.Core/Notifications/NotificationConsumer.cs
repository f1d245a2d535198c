using IncidentHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentHub.Core.Notifications;

/// <summary>
/// In-app notifications from what happened: a role given to someone (by someone else), a request to see a private
/// incident (to its lead), access granted. Durable: each notification is written once, with the consumer's position.
/// Nudges (of updates, post-incident tasks and follow-ups) are written by their sweeps themselves; this consumer only pushes them to the
/// lead's open browsers.
/// </summary>
public sealed class NotificationConsumer(INotificationFeed feed) : IEventConsumer
{
    public string Name => "notifications";

    public bool IsDurable => true;

    public async Task HandleAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var notices = new List<(LoggedEvent Event, string UserId, NotificationKind Kind, string? Detail, bool Store)>();
        foreach (var e in batch.Events)
        {
            switch (e.Event)
            {
                case RoleAssigned role when role.UserId != e.ActorId:
                    notices.Add((e, role.UserId, NotificationKind.RoleAssigned, role.RoleName, true));
                    break;
                case LeadHandedOver lead when lead.ToUserId != e.ActorId:
                    notices.Add((e, lead.ToUserId, NotificationKind.RoleAssigned, lead.RoleName, true));
                    break;
                case LeadHandoverOffered offer when offer.ToUserId != e.ActorId:
                    notices.Add((e, offer.ToUserId, NotificationKind.LeadOffered, e.ActorName, true));
                    break;
                case AccessRequested request:
                    notices.Add((e, request.LeadId, NotificationKind.AccessRequested, request.UserName, true));
                    break;
                case AccessGranted granted:
                    notices.Add((e, granted.UserId, NotificationKind.AccessGranted, null, true));
                    break;
                case UpdateNudged nudged:
                    notices.Add((e, nudged.LeadId, NotificationKind.UpdateDue, null, false));
                    break;
                case PostIncidentTaskNudged task:
                    notices.Add((e, task.OwnerId, NotificationKind.TaskDue, task.Name, false));
                    break;
                case FollowUpNudged followUp:
                    notices.Add((e, followUp.OwnerId, NotificationKind.FollowUpDue, followUp.Title, false));
                    break;
            }
        }

        if (notices.Count == 0)
        {
            return;
        }

        // The names the producer handed over with its events (the nudge sweep does) are not read again.
        var names = notices.Where(n => n.Event.IncidentName is not null)
            .DistinctBy(n => n.Event.IncidentId)
            .ToDictionary(n => n.Event.IncidentId, n => n.Event.IncidentName!);
        var ids = notices.Select(n => n.Event.IncidentId).Where(id => !names.ContainsKey(id)).Distinct().ToList();
        if (ids.Count > 0)
        {
            var read = await batch.Db.Incidents.AsNoTracking()
                .Where(i => EF.Parameter(ids).Contains(i.Id))
                .Select(i => new { i.Id, i.Name })
                .ToListAsync(cancellationToken);
            foreach (var incident in read)
            {
                names[incident.Id] = incident.Name;
            }
        }

        foreach (var (e, userId, kind, detail, store) in notices)
        {
            if (store)
            {
                batch.Db.Notifications.Add(new Notification(userId, kind, e.IncidentId, e.OccurredAt, detail));
            }
        }

        batch.AfterCommit(() =>
        {
            foreach (var (e, userId, kind, detail, _) in notices)
            {
                feed.Publish(new NotificationNotice(userId, kind, e.IncidentId, e.IncidentNumber, names.GetValueOrDefault(e.IncidentId, ""), detail));
            }
        });
    }
}
