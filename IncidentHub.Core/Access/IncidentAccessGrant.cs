namespace IncidentHub.Core.Access;

/// <summary>The lead let someone without a role see a private incident. Revoking ends it.</summary>
public sealed class IncidentAccessGrant
{
    private IncidentAccessGrant()
    {
    }

    internal IncidentAccessGrant(int incidentId, string userId, string userName, string grantedById, DateTimeOffset grantedAt)
    {
        IncidentId = incidentId;
        UserId = userId;
        UserName = userName;
        GrantedById = grantedById;
        GrantedAt = grantedAt;
    }

    public long Id { get; private set; }

    public int IncidentId { get; private set; }

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public string GrantedById { get; private set; } = "";

    public DateTimeOffset GrantedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
