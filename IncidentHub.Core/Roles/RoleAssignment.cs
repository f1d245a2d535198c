namespace IncidentHub.Core.Roles;

/// <summary>
/// Someone held a role on an incident from <see cref="AssignedAt"/> until <see cref="EndedAt"/> (null while they still
/// hold it). The history feeds the review.
/// </summary>
public sealed class RoleAssignment
{
    private RoleAssignment()
    {
    }

    internal RoleAssignment(RoleDefinition role, string userId, string userName, DateTimeOffset assignedAt)
    {
        RoleDefinitionId = role.Id;
        RoleDefinition = role;
        UserId = userId;
        UserName = userName;
        AssignedAt = assignedAt;
    }

    public long Id { get; private set; }

    public int IncidentId { get; private set; }

    public int RoleDefinitionId { get; private set; }

    public RoleDefinition RoleDefinition { get; private set; } = null!;

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public DateTimeOffset AssignedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsCurrent => EndedAt is null;

    /// <summary>
    /// When the lead (or an admin) took away the access this past role gave to a private incident. Null while it still
    /// lets its holder see the incident. Only an ended assignment can lose it.
    /// </summary>
    public DateTimeOffset? AccessRemovedAt { get; private set; }

    internal void End(DateTimeOffset now) => EndedAt = now;

    internal void RemoveAccess(DateTimeOffset now)
    {
        if (IsCurrent)
        {
            throw new InvalidOperationException("A current role holder keeps access while they hold the role.");
        }

        AccessRemovedAt ??= now;
    }
}
