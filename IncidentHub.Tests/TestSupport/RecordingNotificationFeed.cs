using System.Collections.Concurrent;
using IncidentHub.Core.Notifications;

namespace IncidentHub.Tests.TestSupport;

/// <summary>Records what the live notification feed was told, in order.</summary>
public sealed class RecordingNotificationFeed : INotificationFeed
{
    private readonly ConcurrentQueue<NotificationNotice> _notices = new();

    public IReadOnlyList<NotificationNotice> Notices => [.. _notices];

    public void Publish(NotificationNotice notice) => _notices.Enqueue(notice);

    public void Clear() => _notices.Clear();
}

/// <summary>Counts how often the status page's cache was cleared.</summary>
public sealed class RecordingStatusPageCache : IncidentHub.Core.StatusPage.IStatusPageCache
{
    private int _invalidations;

    public int Invalidations => _invalidations;

    public Task InvalidateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _invalidations);
        return Task.CompletedTask;
    }
}
