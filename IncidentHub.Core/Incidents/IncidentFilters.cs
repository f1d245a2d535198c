namespace IncidentHub.Core.Incidents;

/// <summary>Dashboard filters. Empty collections mean "any".</summary>
public sealed record DashboardFilter
{
    public IReadOnlyCollection<int> SeverityIds { get; init; } = [];

    public IReadOnlyCollection<IncidentStatus> Statuses { get; init; } = [];

    public string? LeadId { get; init; }

    /// <summary>Only incidents on which this user holds a role.</summary>
    public string? MineUserId { get; init; }

    /// <summary>Only incidents affecting at least one of these services.</summary>
    public IReadOnlyCollection<int> ServiceIds { get; init; } = [];

    /// <summary>Only incidents of one of these types.</summary>
    public IReadOnlyCollection<int> TypeIds { get; init; } = [];
}

/// <summary>The incidents page: text search, filters and paging.</summary>
public sealed record IncidentSearch
{
    public const int MaxPageSize = 100;

    /// <summary>Matches the reference (INC-12 or 12), the name or the summary.</summary>
    public string? Text { get; init; }

    public IReadOnlyCollection<IncidentStatus> Statuses { get; init; } = [];

    public IReadOnlyCollection<int> SeverityIds { get; init; } = [];

    /// <summary>Declared at or after this instant.</summary>
    public DateTimeOffset? DeclaredFrom { get; init; }

    /// <summary>Declared before this instant.</summary>
    public DateTimeOffset? DeclaredBefore { get; init; }

    /// <summary>Only private incidents (true) or only standard ones (false); null for both.</summary>
    public bool? IsPrivate { get; init; }

    /// <summary>Only incidents this user led (at any time).</summary>
    public string? LedById { get; init; }

    /// <summary>Only incidents affecting at least one of these services.</summary>
    public IReadOnlyCollection<int> ServiceIds { get; init; } = [];

    /// <summary>Only incidents of one of these types.</summary>
    public IReadOnlyCollection<int> TypeIds { get; init; } = [];

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}
