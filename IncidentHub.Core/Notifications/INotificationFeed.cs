namespace IncidentHub.Core.Notifications;

/// <summary>Port: told after a notification is saved, so the person's open browsers can show it at once.</summary>
public interface INotificationFeed
{
    void Publish(NotificationNotice notice);
}

/// <summary>A notification that was just saved, for the live feed.</summary>
public sealed record NotificationNotice(string UserId, NotificationKind Kind, int? IncidentId, int? IncidentNumber, string? IncidentName, string? Detail)
{
    public string Text => NotificationText.For(Kind, IncidentNumber is { } n ? Incidents.IncidentReference.Format(n) : "", Detail);

    /// <summary>Where opening it leads: the incident's page, or the follow-ups page for a digest.</summary>
    public string Href => NotificationText.HrefFor(Kind, IncidentNumber);
}

/// <summary>A notification as its person sees it in the list.</summary>
public sealed record NotificationView(
    long Id,
    NotificationKind Kind,
    int? IncidentId,
    int? IncidentNumber,
    string? IncidentName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    string? Detail)
{
    public string Reference => IncidentNumber is { } n ? Incidents.IncidentReference.Format(n) : "";

    public bool IsRead => ReadAt is not null;

    public string Text => NotificationText.For(Kind, Reference, Detail);

    /// <summary>Where opening it leads: the incident's page, or the follow-ups page for a digest.</summary>
    public string Href => NotificationText.HrefFor(Kind, IncidentNumber);
}

public static class NotificationText
{
    public static string For(NotificationKind kind, string reference, string? detail) => kind switch
    {
        NotificationKind.UpdateDue => $"{reference} needs an update: post one, skip it or snooze the reminder.",
        NotificationKind.RoleAssigned => $"You are now the {detail} on {reference}.",
        NotificationKind.AccessRequested => $"{detail} asks to see the private incident {reference}.",
        NotificationKind.AccessGranted => $"You can now see the private incident {reference}.",
        NotificationKind.LeadOffered => $"{detail} asks you to take the lead of {reference}: read their note and say \"I have it\".",
        NotificationKind.TaskDue => $"The post-incident task \"{detail}\" on {reference} is due: do it, or mark it done on the incident's page.",
        NotificationKind.FollowUpDue => $"Your follow-up \"{detail}\" from {reference} is due: finish it, plan it again or say why it is not being done.",
        NotificationKind.FollowUpDigest => $"Your follow-ups this week: {detail}.",
        NotificationKind.FollowUpDigestAdmin => $"Follow-ups this week: {detail}.",
        _ => reference,
    };

    /// <summary>The page a notification opens: its incident's, or for a digest the follow-ups it is about.</summary>
    public static string HrefFor(NotificationKind kind, int? incidentNumber) => kind switch
    {
        NotificationKind.FollowUpDigest => "/follow-ups?view=mine",
        NotificationKind.FollowUpDigestAdmin => "/follow-ups?view=all&overdue=true",
        _ => incidentNumber is { } n ? $"/incidents/{n}" : "/notifications",
    };
}
