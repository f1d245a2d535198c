using IncidentHub.Core.Live;
using IncidentHub.Web.Live;

namespace IncidentHub.Web.Replicas;

/// <summary>
/// The change-feed port with Redis configured: this replica's open pages hear a change at once, and every other
/// replica's through the channel. A change this replica already showed (it came from another replica first, then
/// through this replica's catch-up of the log) is not shown or sent again.
/// </summary>
public sealed class ReplicatedChangeFeed(LiveIncidentFeed local, ReplicaBus bus, SeenChanges seen) : IIncidentChangeFeed
{
    public void Publish(IncidentChange change) => Publish(change, 0);

    public void Publish(IncidentChange change, long sequence)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!seen.TryAdd(sequence))
        {
            return;
        }

        local.Publish(change);
        bus.Publish(ReplicaMessageType.Change, sequence, change: change);
    }
}
