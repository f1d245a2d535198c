namespace IncidentHub.Core.Notifications;

public enum NotificationKind
{
    /// <summary>The person leads an incident whose update is due.</summary>
    UpdateDue,

    /// <summary>Someone gave the person a role on an incident.</summary>
    RoleAssigned,

    /// <summary>Someone asked the lead to see a private incident.</summary>
    AccessRequested,

    /// <summary>The lead let the person see a private incident.</summary>
    AccessGranted,

    /// <summary>Someone asked the person to take the lead of an incident (they accept or not on its page).</summary>
    LeadOffered,

    /// <summary>A post-incident task the person owns is due, or still overdue.</summary>
    TaskDue,

    /// <summary>A follow-up the person owns is due today, or still overdue.</summary>
    FollowUpDue,

    /// <summary>The weekly digest of the person's outstanding and overdue follow-ups (about no one incident).</summary>
    FollowUpDigest,

    /// <summary>The weekly digest for admins: the follow-ups' completion rate and the oldest overdue ones.</summary>
    FollowUpDigestAdmin,
}

/// <summary>
/// An in-app message for one person, about one incident (or about none: the weekly follow-up digest). Its words are
/// written when it is shown.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Notification(string userId, NotificationKind kind, int incidentId, DateTimeOffset createdAt, string? detail = null)
    {
        UserId = userId;
        Kind = kind;
        IncidentId = incidentId;
        CreatedAt = createdAt;
        Detail = detail;
    }

    /// <summary>A notification about no one incident (the weekly digest).</summary>
    public Notification(string userId, NotificationKind kind, DateTimeOffset createdAt, string detail)
    {
        UserId = userId;
        Kind = kind;
        CreatedAt = createdAt;
        Detail = detail;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; } = "";

    public NotificationKind Kind { get; private set; }

    /// <summary>The incident it is about; null for a digest.</summary>
    public int? IncidentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>A short extra: the role's name for <see cref="NotificationKind.RoleAssigned"/>.</summary>
    public string? Detail { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
