using IncidentHub.Core.Common;

namespace IncidentHub.Core.Actions;

/// <summary>Who is doing what during the incident.</summary>
public sealed partial class IncidentAction
{
    private IncidentAction()
    {
    }

    internal IncidentAction(string title, string? ownerId, string? ownerName, Actor createdBy, DateTimeOffset now)
    {
        Title = title;
        OwnerId = ownerId;
        OwnerName = ownerName;
        CreatedById = createdBy.UserId;
        CreatedAt = now;
        Status = ActionStatus.Outstanding;
    }

    public int Id { get; private set; }

    public int IncidentId { get; private set; }

    public string Title { get; private set; } = "";

    public string? OwnerId { get; private set; }

    public string? OwnerName { get; private set; }

    public ActionStatus Status { get; private set; }

    public string CreatedById { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    internal void ChangeStatus(ActionStatus status, DateTimeOffset now)
    {
        Status = status;
        CompletedAt = status == ActionStatus.Outstanding ? null : now;
        if (status != ActionStatus.NotDoing)
        {
            NotDoingReason = null;
        }
    }

    internal void ChangeOwner(string? ownerId, string? ownerName)
    {
        OwnerId = ownerId;
        OwnerName = ownerName;
    }
}
