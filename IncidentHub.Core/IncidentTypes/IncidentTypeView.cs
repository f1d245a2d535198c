namespace IncidentHub.Core.IncidentTypes;

/// <summary>A type as the admin page, the declare forms and the incident page show it.</summary>
public sealed record IncidentTypeView(
    int Id,
    string Name,
    string Description,
    bool IsPrivate,
    int? DefaultSeverityId,
    string? DefaultSeverityName,
    int? UpdateCadenceMinutes,
    IReadOnlyList<ExpectedRoleView> ExpectedRoles,
    string ChannelPrefix,
    bool IsDefault,
    bool IsArchived,
    Guid Version)
{
    /// <summary>Its defaults in a few words ("Private · Critical · every 15 min · expects Communications Lead").</summary>
    public string DescribeDefaults()
    {
        var parts = new List<string>();
        if (IsPrivate)
        {
            parts.Add("Private");
        }

        if (DefaultSeverityName is { } severity)
        {
            parts.Add(severity);
        }

        if (UpdateCadenceMinutes is { } cadence)
        {
            parts.Add("updates " + Reminders.UpdateCadence.Describe(cadence));
        }

        if (ExpectedRoles.Count > 0)
        {
            parts.Add("expects " + string.Join(", ", ExpectedRoles.Select(r => r.Name)));
        }

        if (ChannelPrefix.Length > 0)
        {
            parts.Add($"channel {ChannelPrefix}-…");
        }

        return parts.Count == 0 ? "No defaults" : string.Join(" · ", parts);
    }

    internal static IncidentTypeView From(IncidentType type, IReadOnlyDictionary<int, string> severities, IReadOnlyDictionary<int, string> roles) => new(
        type.Id,
        type.Name,
        type.Description,
        type.IsPrivate,
        type.DefaultSeverityId,
        type.DefaultSeverityId is { } s && severities.TryGetValue(s, out var severityName) ? severityName : null,
        type.UpdateCadenceMinutes,
        [.. type.ExpectedRoleIds.Where(roles.ContainsKey).Select(r => new ExpectedRoleView(r, roles[r]))],
        type.ChannelPrefix,
        type.IsDefault,
        type.IsArchived,
        type.Version);
}

public sealed record ExpectedRoleView(int Id, string Name);

/// <summary>An incident's type as lists and cards show it.</summary>
public sealed record IncidentTypeRef(int Id, string Name);
