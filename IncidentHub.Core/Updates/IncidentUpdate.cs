using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Updates;

/// <summary>
/// A structured update: what the lead (or anyone running the incident) said, and the status and severity at that
/// moment. Updates are first-class so that their cadence can be measured.
/// </summary>
public sealed class IncidentUpdate
{
    private IncidentUpdate()
    {
    }

    internal IncidentUpdate(string authorId, string authorName, string message, IncidentStatus status, int severityId, string severityName, DateTimeOffset postedAt, DateTimeOffset? dueAt)
    {
        DueAt = dueAt;
        AuthorId = authorId;
        AuthorName = authorName;
        Message = message;
        Status = status;
        SeverityId = severityId;
        SeverityName = severityName;
        PostedAt = postedAt;
    }

    public long Id { get; private set; }

    public int IncidentId { get; private set; }

    public string AuthorId { get; private set; } = "";

    public string AuthorName { get; private set; } = "";

    public string Message { get; private set; } = "";

    public IncidentStatus Status { get; private set; }

    public int SeverityId { get; private set; }

    public string SeverityName { get; private set; } = "";

    public DateTimeOffset PostedAt { get; private set; }

    /// <summary>When this update was due (null when no cadence was running).</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public bool WasOnTime => DueAt is not { } due || PostedAt <= due;
}
