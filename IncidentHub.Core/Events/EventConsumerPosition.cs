namespace IncidentHub.Core.Events;

/// <summary>How far a durable <see cref="IEventConsumer"/> has read the event log.</summary>
public sealed class EventConsumerPosition
{
    private EventConsumerPosition()
    {
    }

    internal EventConsumerPosition(string name, long position, DateTimeOffset now)
    {
        Name = name;
        Position = position;
        UpdatedAt = now;
    }

    public string Name { get; private set; } = "";

    /// <summary>The sequence of the last event it handled.</summary>
    public long Position { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}
