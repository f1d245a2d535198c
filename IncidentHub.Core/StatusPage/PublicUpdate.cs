namespace IncidentHub.Core.StatusPage;

/// <summary>One publication, as customers read it. Who published it is kept for the internal timeline only.</summary>
public sealed class PublicUpdate
{
    private PublicUpdate()
    {
    }

    internal PublicUpdate(PublicStatus status, string title, string message, string publishedById, DateTimeOffset publishedAt)
    {
        Status = status;
        Title = title;
        Message = message;
        PublishedById = publishedById;
        PublishedAt = publishedAt;
    }

    public long Id { get; private set; }

    public int NoticeId { get; private set; }

    public PublicStatus Status { get; private set; }

    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    /// <summary>Internal: never shown publicly.</summary>
    public string PublishedById { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }
}

/// <summary>A service was in a state because of a notice, from <see cref="From"/> until <see cref="Until"/>.</summary>
public sealed class PublicImpact
{
    private PublicImpact()
    {
    }

    internal PublicImpact(int componentId, ComponentState state, DateTimeOffset from)
    {
        ComponentId = componentId;
        State = state;
        From = from;
    }

    public long Id { get; private set; }

    public int NoticeId { get; private set; }

    public int ComponentId { get; private set; }

    public ComponentState State { get; private set; }

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset? Until { get; private set; }

    public bool IsCurrent => Until is null;

    internal void End(DateTimeOffset now) => Until ??= now;
}
