namespace IncidentHub.Core.Reviews;

/// <summary>Where a written review stands. Stored by name.</summary>
public enum ReviewState
{
    /// <summary>Being written.</summary>
    Draft,

    /// <summary>Named reviewers are reading it; writers may still change it.</summary>
    InReview,

    /// <summary>Read-only, in Learnings, until its owner reopens it.</summary>
    Published,
}

/// <summary>A named reviewer's answer. Stored by name.</summary>
public enum ReviewVerdict
{
    Pending,
    Approved,
    ChangesRequested,
}

public static class ReviewStateText
{
    public static string Label(this ReviewState state) => state switch
    {
        ReviewState.Draft => "Draft",
        ReviewState.InReview => "In review",
        _ => "Published",
    };

    public static string Label(this ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.Pending => "Not answered yet",
        ReviewVerdict.Approved => "Approved",
        _ => "Asked for changes",
    };
}
