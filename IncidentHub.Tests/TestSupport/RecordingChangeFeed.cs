using System.Collections.Concurrent;
using IncidentHub.Core.Live;

namespace IncidentHub.Tests.TestSupport;

/// <summary>An <see cref="IIncidentChangeFeed"/> that remembers what it was told, in order.</summary>
public sealed class RecordingChangeFeed : IIncidentChangeFeed
{
    private readonly ConcurrentQueue<IncidentChange> _changes = new();

    /// <summary>Everything published so far, oldest first.</summary>
    public IReadOnlyList<IncidentChange> Changes => [.. _changes];

    public void Publish(IncidentChange change) => _changes.Enqueue(change);

    /// <summary>Forgets what was published (after arranging, before acting).</summary>
    public void Clear() => _changes.Clear();
}
