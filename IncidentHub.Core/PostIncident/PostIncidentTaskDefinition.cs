using IncidentHub.Core.Common;

namespace IncidentHub.Core.PostIncident;

/// <summary>
/// A task every resolved incident of the chosen severities gets (an admin setting): what to do, whose it is (a role
/// on the incident) and when it is due, counted from the resolution. Editing it changes incidents resolved
/// afterwards, never the tasks already handed out.
/// </summary>
public sealed class PostIncidentTaskDefinition : IAdminEditable
{
    /// <summary>The longest a task may be due after the resolution: 90 days.</summary>
    public const int MaxDueAfterHours = 90 * 24;

    private readonly List<PostIncidentTaskSeverity> _severities = [];

    private PostIncidentTaskDefinition()
    {
    }

    internal PostIncidentTaskDefinition(string name, string guidance, int ownerRoleDefinitionId, int dueAfterHours, IEnumerable<int> severityIds, int sortOrder)
    {
        SortOrder = sortOrder;
        Edit(name, guidance, ownerRoleDefinitionId, dueAfterHours, severityIds);
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>What doing it well means, shown beside the task.</summary>
    public string Guidance { get; private set; } = "";

    /// <summary>The role on the incident whose holder owns the task (the lead when nobody holds it).</summary>
    public int OwnerRoleDefinitionId { get; private set; }

    /// <summary>Due this many hours after the incident is resolved.</summary>
    public int DueAfterHours { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsArchived { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>The severities whose incidents get it; none: no incident does.</summary>
    public IReadOnlyCollection<PostIncidentTaskSeverity> Severities => _severities.AsReadOnly();

    public bool AppliesTo(int severityId) => !IsArchived && _severities.Any(s => s.SeverityId == severityId);

    internal void Edit(string name, string guidance, int ownerRoleDefinitionId, int dueAfterHours, IEnumerable<int> severityIds)
    {
        Name = name;
        Guidance = guidance;
        OwnerRoleDefinitionId = ownerRoleDefinitionId;
        DueAfterHours = dueAfterHours;
        var wanted = severityIds.Distinct().ToHashSet();
        _severities.RemoveAll(s => !wanted.Contains(s.SeverityId));
        foreach (var id in wanted.Where(id => _severities.All(s => s.SeverityId != id)))
        {
            _severities.Add(new PostIncidentTaskSeverity(id));
        }

        Version = Guid.NewGuid();
    }

    internal void MoveTo(int sortOrder)
    {
        SortOrder = sortOrder;
        Version = Guid.NewGuid();
    }

    internal void Archive(bool archived)
    {
        IsArchived = archived;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// The tasks the issue names, for a fresh installation: for every severity but the least severe (a Minor incident
    /// needs none), owned by the incident lead, due 2, 5, 5 and 7 days after the resolution.
    /// </summary>
    public static IEnumerable<PostIncidentTaskDefinition> Defaults(int leadRoleId, IReadOnlyList<int> severityIdsButLeast) =>
    [
        new("Write the review", "Draft the written review from the incident's record, so the debrief starts from facts.", leadRoleId, 2 * 24, severityIdsButLeast, 1),
        new("Hold the debrief", "Meet the people who responded: what happened, what helped, what was hard. Blameless.", leadRoleId, 5 * 24, severityIdsButLeast, 2),
        new("Agree follow-ups", "Turn what was learned into follow-ups, each with an owner and a due date.", leadRoleId, 5 * 24, severityIdsButLeast, 3),
        new("Publish the review", "Have the review approved and publish it, so it reaches Learnings.", leadRoleId, 7 * 24, severityIdsButLeast, 4),
    ];
}

/// <summary>A severity whose incidents get a <see cref="PostIncidentTaskDefinition"/>.</summary>
public sealed class PostIncidentTaskSeverity
{
    private PostIncidentTaskSeverity()
    {
    }

    internal PostIncidentTaskSeverity(int severityId) => SeverityId = severityId;

    public int DefinitionId { get; private set; }

    public int SeverityId { get; private set; }
}
