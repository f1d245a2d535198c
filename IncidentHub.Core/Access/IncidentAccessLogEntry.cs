namespace IncidentHub.Core.Access;

public enum AccessLogKind
{
    Requested,
    Granted,
    Refused,
    Revoked,

    /// <summary>Someone not on the incident (an admin, or someone invited) opened it.</summary>
    Viewed,
    MadePrivate,
    MadeStandard,
}

/// <summary>Who got into (or looked at) a private incident, and who let them. Read by the lead and admins.</summary>
public sealed class IncidentAccessLogEntry
{
    private IncidentAccessLogEntry()
    {
    }

    public IncidentAccessLogEntry(int incidentId, AccessLogKind kind, string userId, string userName, string actorName, DateTimeOffset at)
    {
        IncidentId = incidentId;
        Kind = kind;
        UserId = userId;
        UserName = userName;
        ActorName = actorName;
        At = at;
    }

    public long Id { get; private set; }

    public int IncidentId { get; private set; }

    public AccessLogKind Kind { get; private set; }

    /// <summary>Whom it is about.</summary>
    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    /// <summary>Who did it (the same person for a view or a request).</summary>
    public string ActorName { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
