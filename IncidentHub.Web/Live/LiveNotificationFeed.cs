using System.Collections.Concurrent;
using IncidentHub.Core.Notifications;

namespace IncidentHub.Web.Live;

/// <summary>Pushes a person's new notifications to every browser they have open, whichever page it is on.</summary>
public sealed partial class LiveNotificationFeed(ILogger<LiveNotificationFeed> logger) : INotificationFeed
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public IDisposable Subscribe(string userId, Func<NotificationNotice, Task> onNotice)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(onNotice);
        var subscription = new Subscription(this, userId, onNotice);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public void Publish(NotificationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        foreach (var subscription in _subscriptions.Keys.Where(s => s.UserId == notice.UserId))
        {
            _ = DeliverAsync(subscription, notice);
        }
    }

    private async Task DeliverAsync(Subscription subscription, NotificationNotice notice)
    {
        try
        {
            await subscription.OnNotice(notice);
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(logger, ex, notice.IncidentId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A browser failed to take a notification about incident {IncidentId} (none: a digest)")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, int? incidentId);

    private sealed class Subscription(LiveNotificationFeed feed, string userId, Func<NotificationNotice, Task> onNotice) : IDisposable
    {
        public string UserId { get; } = userId;

        public Func<NotificationNotice, Task> OnNotice { get; } = onNotice;

        public void Dispose() => feed._subscriptions.TryRemove(this, out _);
    }
}
