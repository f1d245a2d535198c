using System.Linq.Expressions;

namespace IncidentHub.Core.Reminders;

/// <summary>
/// When an incident's next update is due and when its lead is next nudged. Part of the incident aggregate; the
/// incident's methods keep it right (an update or a skip restarts it, a snooze moves it, a hand-over re-targets it,
/// resolving stops it, reopening starts it again). Sending a nudge is the sweep's alone: <see cref="UpdateNudgeSweeper"/>
/// claims due reminders in one statement (moving the next nudge one cadence on), so instants the sweep compares and
/// moves are kept as UTC ticks.
/// </summary>
public sealed class UpdateReminder
{
    private UpdateReminder()
    {
    }

    internal UpdateReminder(string leadId, int cadenceMinutes, DateTimeOffset now)
    {
        LeadId = leadId;
        CadenceSeconds = cadenceMinutes * 60;
        Restart(now);
    }

    public int IncidentId { get; private set; }

    /// <summary>Who is nudged: the current incident lead.</summary>
    public string LeadId { get; private set; } = "";

    public int CadenceSeconds { get; private set; }

    public int CadenceMinutes => CadenceSeconds / 60;

    public TimeSpan Cadence => TimeSpan.FromSeconds(CadenceSeconds);

    /// <summary>The lead set the cadence for this incident; severity changes no longer move it.</summary>
    public bool CadenceOverridden { get; private set; }

    /// <summary>The last update, skip, declaration or reopening: the cadence counts from here.</summary>
    public DateTimeOffset AnchorAt { get; private set; }

    public DateTimeOffset? SnoozedUntil { get; private set; }

    /// <summary>When the next update is due; null once the incident is no longer active.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>When the lead is next nudged, in UTC ticks; null once stopped.</summary>
    public long? NextNudgeAtTicks { get; private set; }

    public DateTimeOffset? NextNudgeAt => NextNudgeAtTicks is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public DateTimeOffset? LastNudgedAt { get; private set; }

    /// <summary>Nudges sent since the update fell due.</summary>
    public int NudgeCount { get; private set; }

    /// <summary>The sweep that last claimed this reminder.</summary>
    public string? ClaimToken { get; private set; }

    public bool IsRunning => DueAt is not null;

    /// <summary>The due rule: a nudge is due once its time has come, never before.</summary>
    public bool IsNudgeDue(DateTimeOffset now) => NextNudgeAtTicks is { } next && now.UtcTicks >= next;

    /// <summary>The same rule for the database: reminders whose nudge is due at <paramref name="now"/>.</summary>
    public static Expression<Func<UpdateReminder, bool>> NudgeDueAt(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        return r => r.NextNudgeAtTicks != null && r.NextNudgeAtTicks <= ticks;
    }

    public bool IsOverdue(DateTimeOffset now) => IsOverdueAt(DueAt, now);

    /// <summary>The overdue rule, for the reminder and for views of it: due once its time has come (never before).</summary>
    public static bool IsOverdueAt(DateTimeOffset? dueAt, DateTimeOffset now) => dueAt is { } due && now >= due;

    /// <summary>An update, a skip, the declaration or a reopening: the clock starts again from now.</summary>
    internal void Restart(DateTimeOffset now)
    {
        AnchorAt = now;
        SnoozedUntil = null;
        Reschedule();
    }

    internal void Snooze(DateTimeOffset until)
    {
        SnoozedUntil = until;
        Reschedule();
    }

    internal void ChangeCadence(int minutes, bool overridden)
    {
        CadenceSeconds = minutes * 60;
        CadenceOverridden = overridden;
        if (IsRunning)
        {
            Reschedule();
        }
    }

    /// <summary>
    /// The severity's default cadence changed. A reminder that follows the default takes it from its next due time:
    /// the update due now stays due when it was (nobody is suddenly late), the ones after it, and any repeated nudge,
    /// come at the new cadence. A cadence the lead set for this incident is kept.
    /// </summary>
    /// <returns>True when the reminder changed.</returns>
    internal bool FollowDefault(int minutes)
    {
        if (CadenceOverridden || CadenceSeconds == minutes * 60)
        {
            return false;
        }

        CadenceSeconds = minutes * 60;
        return true;
    }

    internal void Retarget(string leadId) => LeadId = leadId;

    internal void Stop()
    {
        DueAt = null;
        NextNudgeAtTicks = null;
        SnoozedUntil = null;
        NudgeCount = 0;
    }

    private void Reschedule()
    {
        var due = SnoozedUntil ?? AnchorAt + Cadence;
        DueAt = due;
        NextNudgeAtTicks = due.UtcTicks;
        NudgeCount = 0;
        LastNudgedAt = null;
    }
}
