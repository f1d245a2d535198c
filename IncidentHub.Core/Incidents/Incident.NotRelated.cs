using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.Similar;
using IncidentHub.Core.Timeline;

namespace IncidentHub.Core.Incidents;

/// <summary>
/// "Not related": a suggestion of a similar incident dismissed by someone who may act on this one, remembered for the
/// pair (either direction) and told on the timeline; undone the same way.
/// </summary>
public sealed partial class Incident
{
    /// <summary>
    /// Marks incident <paramref name="otherNumber"/> (id <paramref name="otherId"/>) as not related to this one. Returns
    /// the new mark to add, or null when the pair is already marked (<paramref name="existing"/>): nothing changes twice.
    /// </summary>
    public NotRelatedMark? MarkNotRelated(Actor actor, int otherId, int otherNumber, NotRelatedMark? existing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        PermissionsFor(actor).EnsureMarkNotRelated();
        if (otherId == Id)
        {
            throw new DomainException("An incident cannot be marked as not related to itself.");
        }

        if (existing is not null)
        {
            return null;
        }

        var other = IncidentReference.Format(otherNumber);
        var entry = Append(new TimelineEntry(TimelineEntryKind.NotRelated, actor, $"{actor.DisplayName} marked {other} as not related", now, now,
            $"{other} is no longer suggested as similar to {Reference}, nor {Reference} to {other}."));
        Record(actor, now, entry, new MarkedNotRelated(otherId, otherNumber));
        return new NotRelatedMark(Id, otherId, actor, now);
    }

    /// <summary>Takes back the "not related" mark between this incident and <paramref name="otherNumber"/>: it may be suggested again.</summary>
    public void UndoNotRelated(Actor actor, NotRelatedMark mark, int otherNumber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(mark);
        PermissionsFor(actor).EnsureMarkNotRelated();
        if (mark.LowerIncidentId != Id && mark.HigherIncidentId != Id)
        {
            throw new ArgumentException("The mark is about two other incidents.", nameof(mark));
        }

        var other = IncidentReference.Format(otherNumber);
        var entry = Append(new TimelineEntry(TimelineEntryKind.NotRelated, actor, $"{actor.DisplayName} undid “not related” for {other}", now, now,
            $"{mark.MarkedByName} had marked it not related; {other} may be suggested as similar again."));
        Record(actor, now, entry, new NotRelatedUndone(mark.OtherThan(Id), otherNumber, mark.MarkedByName));
    }
}
