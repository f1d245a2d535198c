using System.Collections.Concurrent;
using IncidentHub.Core.Live;

namespace IncidentHub.Web.Live;

/// <summary>
/// The in-process live feed: every committed change is pushed to the open pages that watch it. Pages subscribe for one
/// incident or for all of them (the dashboard) and dispose the subscription when they go.
/// </summary>
public sealed partial class LiveIncidentFeed(ILogger<LiveIncidentFeed> logger) : IIncidentChangeFeed
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public int SubscriberCount => _subscriptions.Count;

    /// <param name="incidentId">The incident to watch, or null for every incident.</param>
    public IDisposable Subscribe(int? incidentId, Func<IncidentChange, Task> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        var subscription = new Subscription(this, incidentId, onChange);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public void Publish(IncidentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var subscription in _subscriptions.Keys)
        {
            if (subscription.IncidentId == change.IncidentId)
            {
                _ = DeliverAsync(subscription, change);
            }
            else if (subscription.IncidentId is null)
            {
                // Lists re-read what their viewer may see; they never learn which private incident changed.
                _ = DeliverAsync(subscription, change.Anonymised());
            }
        }
    }

    /// <summary>
    /// Tells every open page to re-read what it shows (changes may have been missed: the channel to the other replicas
    /// was down). A page watching one incident hears it as that incident's change; lists hear it as "something changed".
    /// </summary>
    /// <returns>How many pages were told.</returns>
    public int Resync()
    {
        var told = 0;
        foreach (var subscription in _subscriptions.Keys)
        {
            _ = DeliverAsync(subscription, new IncidentChange(subscription.IncidentId ?? 0, 0, IncidentChangeKind.Resynced, null));
            told++;
        }

        return told;
    }

    private async Task DeliverAsync(Subscription subscription, IncidentChange change)
    {
        try
        {
            await subscription.OnChange(change);
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(logger, ex, change.IncidentId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live page failed to take change of incident {IncidentId}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, int incidentId);

    private sealed class Subscription(LiveIncidentFeed feed, int? incidentId, Func<IncidentChange, Task> onChange) : IDisposable
    {
        public int? IncidentId { get; } = incidentId;

        public Func<IncidentChange, Task> OnChange { get; } = onChange;

        public void Dispose() => feed._subscriptions.TryRemove(this, out _);
    }
}
