using IncidentHub.Core.StatusPage;
using IncidentHub.Web.StatusPage;

namespace IncidentHub.Web.Replicas;

/// <summary>A publication clears the status page's cache here and on every other replica, so all of them show it at once.</summary>
public sealed class ReplicatedStatusPageCache(OutputCachedStatusPage local, ReplicaBus bus) : IStatusPageCache
{
    public async Task InvalidateAsync(CancellationToken cancellationToken)
    {
        await local.InvalidateAsync(cancellationToken);
        bus.Publish(ReplicaMessageType.StatusPageChanged);
    }
}
