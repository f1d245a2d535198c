using IncidentHub.Core.Events;

namespace IncidentHub.Core.StatusPage;

/// <summary>Clears the public status page's cache when a notice is published, so the page shows it at once.</summary>
public sealed class StatusPageCacheConsumer(IStatusPageCache cache) : IEventConsumer
{
    public string Name => "status-page-cache";

    public bool IsDurable => false;

    public async Task HandleAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Events.Any(e => e.Event is NoticePublished))
        {
            await cache.InvalidateAsync(cancellationToken);
        }
    }
}
