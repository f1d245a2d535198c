namespace IncidentHub.Web.Replicas;

/// <summary>
/// The event-log positions of the changes this replica has shown lately, so a change that arrives twice (from the
/// replica that made it, and again through this replica's own catch-up of the log) reloads pages once. Bounded: the
/// oldest positions are forgotten first.
/// </summary>
public sealed class SeenChanges
{
    public const int Capacity = 8192;

    private readonly HashSet<long> _seen = [];
    private readonly Queue<long> _order = new();
    private readonly Lock _lock = new();

    /// <returns>False when <paramref name="sequence"/> was shown already. Zero (no position) is always new.</returns>
    public bool TryAdd(long sequence)
    {
        if (sequence <= 0)
        {
            return true;
        }

        lock (_lock)
        {
            if (!_seen.Add(sequence))
            {
                return false;
            }

            _order.Enqueue(sequence);
            if (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
