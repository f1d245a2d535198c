using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.IncidentTypes;
using IncidentHub.Core.Timeline;

namespace IncidentHub.Core.Incidents;

public sealed partial class Incident
{
    /// <summary>Its type (null for an incident declared before there were types, or with none defined).</summary>
    public int? TypeId { get; private set; }

    public IncidentType? Type { get; private set; }

    /// <summary>
    /// The lead (or an admin) changes the incident's type. Only the type changes: defaults of the new type that the
    /// incident does not follow are not applied behind anyone's back, nor are the old type's undone; they are returned
    /// (and told on the timeline) so the lead decides. <paramref name="expectedTypeId"/> is the type the lead saw.
    /// </summary>
    /// <returns>The new type's defaults that this incident does not follow, in words.</returns>
    public IReadOnlyList<string> ChangeType(Actor actor, int? expectedTypeId, IncidentType type, IncidentTypeView defaults, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(defaults);
        PermissionsFor(actor).EnsureChangeType();
        if (TypeId != expectedTypeId)
        {
            throw new ConflictException(
                $"Someone else changed the type to {Type?.Name ?? "none"} a moment ago. Nothing was changed: check it and try again.");
        }

        if (type.Id == TypeId)
        {
            throw new DomainException($"The incident is already of type {type.Name}.");
        }

        if (type.IsArchived)
        {
            throw ValidationFailedException.For("TypeId", $"{type.Name} has been archived by an admin: pick one of the listed types.");
        }

        var from = Type is { } old ? new IncidentTypeRef(old.Id, old.Name) : null;
        TypeId = type.Id;
        Type = type;
        var differences = IncidentTypeRules.Differences(defaults, this);
        var text = from is null
            ? $"{actor.DisplayName} set the type to {type.Name}."
            : $"{actor.DisplayName} changed the type from {from.Name} to {type.Name}.";
        var detail = differences.Count == 0
            ? $"The incident already follows {type.Name}'s defaults."
            : $"Not applied, for the lead to decide: {string.Join("; ", differences)}.";
        var entry = Append(new TimelineEntry(TimelineEntryKind.TypeChanged, actor, text, now, now, detail).Highlighted());
        Record(actor, now, entry, new IncidentTypeChanged(from, new IncidentTypeRef(type.Id, type.Name), differences));
        Touch(now);
        return differences;
    }

    /// <summary>Applies a type's defaults to a new incident: private from the first minute, and its update cadence.</summary>
    private void ApplyTypeAtDeclaration(IncidentType type, List<string> facts)
    {
        TypeId = type.Id;
        Type = type;
        facts.Insert(0, $"Type {type.Name}");
        if (type.IsPrivate && Visibility != IncidentVisibility.Private)
        {
            Visibility = IncidentVisibility.Private;
        }

        if (type.UpdateCadenceMinutes is { } minutes && minutes != Reminder.CadenceMinutes)
        {
            Reminder.ChangeCadence(minutes, overridden: true);
            facts.Add($"Updates {Reminders.UpdateCadence.Describe(minutes)} ({type.Name} default)");
        }
    }
}
