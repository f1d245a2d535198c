using IncidentHub.Core.Common;
using IncidentHub.Core.Updates;

namespace IncidentHub.Core.Timeline;

/// <summary>
/// One thing that happened on an incident. <see cref="OccurredAt"/> is when it happened (a Slack message's own
/// time, say); <see cref="RecordedAt"/> is when IncidentHub learned of it. The timeline is ordered by occurrence.
/// </summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
    }

    internal TimelineEntry(
        TimelineEntryKind kind,
        Actor actor,
        string text,
        DateTimeOffset occurredAt,
        DateTimeOffset recordedAt,
        string? detail = null,
        TimelineSource source = TimelineSource.Web)
    {
        Kind = kind;
        ActorId = actor.IsSystem ? null : actor.UserId;
        ActorName = actor.DisplayName;
        Text = text;
        Detail = detail;
        OccurredAt = occurredAt;
        RecordedAt = recordedAt;
        Source = actor.IsSystem && source == TimelineSource.Web ? TimelineSource.System
            : source == TimelineSource.Web ? actor.Via
            : source;
    }

    /// <summary>A message mirrored from a chat channel, written by someone who may have no IncidentHub account.</summary>
    internal static TimelineEntry ForChat(
        int incidentId,
        string? actorId,
        string actorName,
        string text,
        DateTimeOffset occurredAt,
        DateTimeOffset recordedAt,
        string externalId) => new()
        {
            IncidentId = incidentId,
            Kind = TimelineEntryKind.Message,
            Source = TimelineSource.Slack,
            ActorId = actorId,
            ActorName = actorName,
            Text = text,
            OccurredAt = occurredAt,
            RecordedAt = recordedAt,
            ExternalId = externalId,
        };

    public long Id { get; private set; }

    public int IncidentId { get; private set; }

    public TimelineEntryKind Kind { get; private set; }

    public TimelineSource Source { get; private set; }

    /// <summary>The IncidentHub user, when the actor has an account.</summary>
    public string? ActorId { get; private set; }

    /// <summary>The actor's name at the time, kept so the entry reads right after renames or for Slack-only people.</summary>
    public string ActorName { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>A short line of context: what changed, from what to what.</summary>
    public string? Detail { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>An id in the source system (a Slack message ts, say), unique per source.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>A key event: shown on the review's highlighted timeline.</summary>
    public bool IsHighlighted { get; private set; }

    /// <summary>For a corrected time: the value before (null when it was not set).</summary>
    public DateTimeOffset? TimeBefore { get; private set; }

    /// <summary>For a corrected time, the new value; for a skip or snooze, when the next update is due.</summary>
    public DateTimeOffset? TimeAfter { get; private set; }

    internal TimelineEntry WithTimes(DateTimeOffset? before, DateTimeOffset? after)
    {
        TimeBefore = before;
        TimeAfter = after;
        return this;
    }

    /// <summary>The update this entry records, for <see cref="TimelineEntryKind.Update"/>.</summary>
    public long? UpdateId { get; private set; }

    public IncidentUpdate? Update { get; private set; }

    internal void LinkUpdate(IncidentUpdate update) => Update = update;

    internal TimelineEntry WithExternalId(string externalId)
    {
        ExternalId = externalId;
        return this;
    }

    internal TimelineEntry Highlighted()
    {
        IsHighlighted = true;
        return this;
    }

    public void SetHighlighted(bool highlighted) => IsHighlighted = highlighted;

    /// <summary>A mirrored message was edited or deleted where it was written.</summary>
    internal void ChangeText(string text) => Text = text;
}
