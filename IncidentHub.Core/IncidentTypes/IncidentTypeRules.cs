using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.IncidentTypes;

/// <summary>How an incident stands against its type's defaults: what the lead should know after a change of type.</summary>
public static class IncidentTypeRules
{
    /// <summary>The type's defaults that the incident does not follow, in words ("Security incidents are private; this one is not").</summary>
    public static IReadOnlyList<string> Differences(IncidentTypeView type, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return Differences(
            type,
            incident.IsPrivate,
            incident.SeverityId,
            incident.Severity.Name,
            incident.Reminder.CadenceMinutes,
            incident.RoleAssignments.Where(r => r.EndedAt == null).Select(r => r.RoleDefinitionId).ToHashSet());
    }

    public static IReadOnlyList<string> Differences(
        IncidentTypeView type,
        bool isPrivate,
        int severityId,
        string severityName,
        int cadenceMinutes,
        IReadOnlySet<int> heldRoleIds)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(heldRoleIds);
        var list = new List<string>();
        if (type.IsPrivate && !isPrivate)
        {
            list.Add($"{type.Name} incidents are private, this one is visible to everyone signed in");
        }

        if (type.DefaultSeverityId is { } severity && severity != severityId && type.DefaultSeverityName is { } name)
        {
            list.Add($"{type.Name} starts at {name}, this one is {severityName}");
        }

        if (type.UpdateCadenceMinutes is { } cadence && cadence != cadenceMinutes)
        {
            list.Add($"{type.Name} expects updates {Reminders.UpdateCadence.Describe(cadence)}, this one {Reminders.UpdateCadence.Describe(cadenceMinutes)}");
        }

        foreach (var role in type.ExpectedRoles.Where(r => !heldRoleIds.Contains(r.Id)))
        {
            list.Add($"{type.Name} expects a {role.Name}, nobody holds it");
        }

        return list;
    }
}
