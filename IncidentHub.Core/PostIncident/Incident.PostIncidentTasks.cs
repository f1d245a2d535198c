using IncidentHub.Core.Common;
using IncidentHub.Core.Events;
using IncidentHub.Core.PostIncident;
using IncidentHub.Core.Timeline;

namespace IncidentHub.Core.Incidents;

/// <summary>Post-incident tasks are done and undone through the incident: on its timeline, recorded as events.</summary>
public sealed partial class Incident
{
    /// <param name="expectedDone">What the person saw: a task someone else just did (or undid) is a conflict, said plainly.</param>
    public void SetTaskDone(Actor actor, PostIncidentTask task, bool done, bool expectedDone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        PermissionsFor(actor).EnsureCompleteTasks();
        if (task.IncidentId != Id)
        {
            throw new NotFoundException("That task no longer exists on this incident.");
        }

        if (task.IsDone != expectedDone)
        {
            throw new ConflictException(task.IsDone
                ? $"{task.DoneByName} marked \"{task.Name}\" done a moment ago. Nothing was changed."
                : $"Someone marked \"{task.Name}\" not done a moment ago. Nothing was changed: look at it and try again.");
        }

        if (task.IsDone == done)
        {
            return;
        }

        if (done)
        {
            task.Complete(actor, now);
            var entry = Append(new TimelineEntry(TimelineEntryKind.ActionChanged, actor, $"{actor.DisplayName} completed the post-incident task \"{task.Name}\".", now, now));
            Record(actor, now, entry, new PostIncidentTaskCompleted(task.Id, task.Name, task.OwnerId));
        }
        else
        {
            task.Reopen();
            var entry = Append(new TimelineEntry(TimelineEntryKind.ActionChanged, actor, $"{actor.DisplayName} marked the post-incident task \"{task.Name}\" not done.", now, now));
            Record(actor, now, entry, new PostIncidentTaskReopened(task.Id, task.Name, task.OwnerId));
        }

        Touch(now);
    }
}
