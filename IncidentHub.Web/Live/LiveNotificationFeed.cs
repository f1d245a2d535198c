using System.Collections.Concurrent;
using IncidentHub.Core.Notifications;

namespace IncidentHub.Web.Live;

/// <summary>Pushes a person's new notifications to every browser they have open, whichever page it is on.</summary>
public sealed partial class LiveNotificationFeed(ILogger<LiveNotificationFeed> logger) : INotificationFeed
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    /// <param name="onResync">Called when notifications may have been missed (the channel to the other replicas was down): re-read them.</param>
    public IDisposable Subscribe(string userId, Func<NotificationNotice, Task> onNotice, Func<Task>? onResync = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(onNotice);
        var subscription = new Subscription(this, userId, onNotice, onResync);
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

    /// <summary>Every open browser re-reads its notifications (no toast: what was missed is in the list).</summary>
    public void Resync()
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            if (subscription.OnResync is { } onResync)
            {
                _ = ResyncAsync(onResync);
            }
        }
    }

    private async Task ResyncAsync(Func<Task> onResync)
    {
        try
        {
            await onResync();
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(logger, ex, 0);
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

    private sealed class Subscription(LiveNotificationFeed feed, string userId, Func<NotificationNotice, Task> onNotice, Func<Task>? onResync) : IDisposable
    {
        public string UserId { get; } = userId;

        public Func<NotificationNotice, Task> OnNotice { get; } = onNotice;

        public Func<Task>? OnResync { get; } = onResync;

        public void Dispose() => feed._subscriptions.TryRemove(this, out _);
    }
}
