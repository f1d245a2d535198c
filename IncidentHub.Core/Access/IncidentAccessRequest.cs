namespace IncidentHub.Core.Access;

public enum AccessRequestStatus
{
    Pending,
    Granted,
    Refused,
}

/// <summary>Someone asked to see a private incident; its lead (or an admin) decides.</summary>
public sealed class IncidentAccessRequest
{
    private IncidentAccessRequest()
    {
    }

    internal IncidentAccessRequest(int incidentId, string userId, string userName, string? reason, DateTimeOffset requestedAt)
    {
        IncidentId = incidentId;
        UserId = userId;
        UserName = userName;
        Reason = reason;
        RequestedAt = requestedAt;
    }

    public long Id { get; private set; }

    public int IncidentId { get; private set; }

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public string? Reason { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public AccessRequestStatus Status { get; private set; }

    public string? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    internal void Decide(AccessRequestStatus status, string decidedById, DateTimeOffset now)
    {
        Status = status;
        DecidedById = decidedById;
        DecidedAt = now;
    }
}
