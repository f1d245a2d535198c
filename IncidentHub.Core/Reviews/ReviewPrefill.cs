namespace IncidentHub.Core.Reviews;

/// <summary>What a template section is pre-filled with from the incident's own record. Stored by name.</summary>
public enum ReviewPrefill
{
    /// <summary>Nothing: the writers start from the section's guidance.</summary>
    None,

    /// <summary>The summary, the durations with their basis, who held which role and how well the cadence was kept.</summary>
    Summary,

    /// <summary>The customer impact as written during the incident.</summary>
    CustomerImpact,

    /// <summary>The key events and the updates, in order.</summary>
    Timeline,

    /// <summary>The incident's actions and follow-ups.</summary>
    FollowUps,
}
