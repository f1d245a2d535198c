using System.Collections.Concurrent;
using IncidentHub.Core.Notifications;
using IncidentHub.Core.Reminders;

namespace IncidentHub.Tests.TestSupport;

/// <summary>Records what the live notification feed was told, in order.</summary>
public sealed class RecordingNotificationFeed : INotificationFeed
{
    private readonly ConcurrentQueue<NotificationNotice> _notices = new();

    public IReadOnlyList<NotificationNotice> Notices => [.. _notices];

    public void Publish(NotificationNotice notice) => _notices.Enqueue(notice);

    public void Clear() => _notices.Clear();
}

/// <summary>Records what other nudge channels (Slack, later) were handed; can be told to fail.</summary>
public sealed class RecordingNudgeChannel : INudgeChannel
{
    private readonly ConcurrentQueue<UpdateNudge> _nudges = new();

    public IReadOnlyList<UpdateNudge> Nudges => [.. _nudges];

    public bool Fail { get; set; }

    public Task DeliverAsync(IReadOnlyList<UpdateNudge> nudges, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new InvalidOperationException("The channel is down.");
        }

        foreach (var nudge in nudges)
        {
            _nudges.Enqueue(nudge);
        }

        return Task.CompletedTask;
    }
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
