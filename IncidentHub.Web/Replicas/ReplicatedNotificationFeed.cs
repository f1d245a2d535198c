using IncidentHub.Core.Notifications;
using IncidentHub.Web.Live;

namespace IncidentHub.Web.Replicas;

/// <summary>A notification just saved reaches its person's browsers on this replica at once and on the others through Redis.</summary>
public sealed class ReplicatedNotificationFeed(LiveNotificationFeed local, ReplicaBus bus) : INotificationFeed
{
    public void Publish(NotificationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        local.Publish(notice);
        bus.Publish(ReplicaMessageType.Notice, notice: notice);
    }
}
