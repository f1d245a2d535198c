using IncidentHub.Core.Common;

namespace IncidentHub.Core.PostIncident;

/// <summary>
/// One post-incident task of one incident, handed out when the incident was resolved (by
/// <see cref="PostIncidentTaskConsumer"/>, once per definition: resolving again after a reopening adds none). Its owner
/// is whoever held the owner role then (the lead when nobody did). Done and undone through the incident
/// (<c>Incident.CompleteTask</c>), on its timeline. Nudged by <see cref="PostIncidentNudgeSweeper"/> once when due and
/// once a day while overdue; the instants the sweep compares and moves are UTC ticks.
/// </summary>
public sealed class PostIncidentTask
{
    /// <summary>How often an overdue task's owner is nudged again.</summary>
    public static readonly TimeSpan NudgePeriod = TimeSpan.FromDays(1);

    private PostIncidentTask()
    {
    }

    internal PostIncidentTask(int incidentId, PostIncidentTaskDefinition definition, string ownerRoleName, bool ownerRoleVacant, string ownerId, string ownerName, DateTimeOffset resolvedAt, DateTimeOffset now)
    {
        IncidentId = incidentId;
        DefinitionId = definition.Id;
        Name = definition.Name;
        Guidance = definition.Guidance;
        SortOrder = definition.SortOrder;
        OwnerRoleName = ownerRoleName;
        OwnerRoleVacant = ownerRoleVacant;
        OwnerId = ownerId;
        OwnerName = ownerName;
        DueAt = resolvedAt.AddHours(definition.DueAfterHours);
        CreatedAt = now;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }

    public int IncidentId { get; private set; }

    public int DefinitionId { get; private set; }

    public string Name { get; private set; } = "";

    public string Guidance { get; private set; } = "";

    public int SortOrder { get; private set; }

    /// <summary>The role that owns it, as named when it was handed out.</summary>
    public string OwnerRoleName { get; private set; } = "";

    /// <summary>Nobody held the owner role at the resolution, so the lead got it.</summary>
    public bool OwnerRoleVacant { get; private set; }

    public string OwnerId { get; private set; } = "";

    public string OwnerName { get; private set; } = "";

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public string? DoneById { get; private set; }

    public string? DoneByName { get; private set; }

    public bool IsDone => DoneAt is not null;

    /// <summary>When its owner was last nudged, in UTC ticks (null: not yet since it fell due or was undone).</summary>
    public long? LastNudgedAtTicks { get; private set; }

    public int NudgeCount { get; private set; }

    /// <summary>The sweep that last claimed it.</summary>
    public string? ClaimToken { get; private set; }

    /// <summary>Changes on every change; a stale "done" is refused, not applied twice.</summary>
    public Guid Version { get; private set; }

    public bool IsOverdue(DateTimeOffset now) => !IsDone && now >= DueAt;

    internal void Complete(Actor actor, DateTimeOffset now)
    {
        DoneAt = now;
        DoneById = actor.IsSystem ? null : actor.UserId;
        DoneByName = actor.DisplayName;
        Version = Guid.NewGuid();
    }

    internal void Reopen()
    {
        DoneAt = null;
        DoneById = null;
        DoneByName = null;
        LastNudgedAtTicks = null;
        NudgeCount = 0;
        Version = Guid.NewGuid();
    }
}
