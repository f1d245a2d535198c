using IncidentHub.Core.Common;

namespace IncidentHub.Core.Reviews;

/// <summary>
/// A section every new review starts with, in the order admins set. Editing the template changes reviews started
/// afterwards, never the ones already being written.
/// </summary>
public sealed class ReviewTemplateSection : IAdminEditable
{
    private ReviewTemplateSection()
    {
    }

    internal ReviewTemplateSection(string name, string guidance, ReviewPrefill prefill, int sortOrder)
    {
        Name = name;
        Guidance = guidance;
        Prefill = prefill;
        SortOrder = sortOrder;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }

    /// <summary>The section's heading.</summary>
    public string Name { get; private set; } = "";

    public string Guidance { get; private set; } = "";

    public ReviewPrefill Prefill { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsArchived { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>The sections the issue names, pre-filled where the incident's record has something to say.</summary>
    public static IEnumerable<ReviewTemplateSection> Defaults() =>
    [
        new("Summary", "What happened, in a few sentences a newcomer understands.", ReviewPrefill.Summary, 1),
        new("Customer impact", "Who was affected, how, and for how long.", ReviewPrefill.CustomerImpact, 2),
        new("Timeline", "The key moments, from the first sign to the resolution.", ReviewPrefill.Timeline, 3),
        new("Contributing factors", "What made this possible, and what made it worse. Systems, not people.", ReviewPrefill.None, 4),
        new("What went well", "What helped: tools, people, habits worth keeping.", ReviewPrefill.None, 5),
        new("What was hard", "Where the response struggled: missing access, unclear ownership, noisy alerts.", ReviewPrefill.None, 6),
        new("Lessons", "What the organisation learned. Learnings shows this section with every review.", ReviewPrefill.None, 7),
        new("Follow-ups", "The work that will stop this happening again, with owners.", ReviewPrefill.FollowUps, 8),
    ];

    internal void Edit(string name, string guidance, ReviewPrefill prefill)
    {
        Name = name;
        Guidance = guidance;
        Prefill = prefill;
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
}
