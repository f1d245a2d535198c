namespace IncidentHub.Core.Reviews;

/// <summary>
/// One section of a written review (Summary, Lessons, ...), in Markdown. Each section saves on its own: two people
/// writing two sections never clash; two people writing the same one clash on <see cref="Version"/>, and the second is
/// told.
/// </summary>
public sealed class ReviewSection
{
    private ReviewSection()
    {
    }

    internal ReviewSection(string title, string guidance, ReviewPrefill prefill, int sortOrder, string body, DateTimeOffset now)
    {
        Title = title;
        Guidance = guidance;
        Prefill = prefill;
        SortOrder = sortOrder;
        Body = body;
        EditedAt = now;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }

    public int ReviewDocumentId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>What the template asks the writers to cover.</summary>
    public string Guidance { get; private set; } = "";

    /// <summary>What it was pre-filled with from the incident's record.</summary>
    public ReviewPrefill Prefill { get; private set; }

    public int SortOrder { get; private set; }

    public string Body { get; private set; } = "";

    /// <summary>Who saved it last (null: as pre-filled).</summary>
    public string? EditedById { get; private set; }

    public string? EditedByName { get; private set; }

    public DateTimeOffset EditedAt { get; private set; }

    public Guid Version { get; private set; }

    internal void Save(string body, string editorId, string editorName, DateTimeOffset now)
    {
        Body = body;
        EditedById = editorId;
        EditedByName = editorName;
        EditedAt = now;
        Version = Guid.NewGuid();
    }
}
