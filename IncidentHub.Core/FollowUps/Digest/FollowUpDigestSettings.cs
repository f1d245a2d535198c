using IncidentHub.Core.Common;

namespace IncidentHub.Core.FollowUps.Digest;

/// <summary>
/// The weekly follow-up digest's schedule (one row, <see cref="SingletonId"/>): on or off, the day and hour in the
/// organisation's time zone, and the last week a digest was sent for, which a sweep claims with a conditional
/// UPDATE so that a week is sent once whatever restarts or however many hosts sweep.
/// </summary>
public sealed class FollowUpDigestSettings
{
    public const int SingletonId = 1;

    public const int TimeZoneIdMaxLength = 100;

    private FollowUpDigestSettings()
    {
    }

    /// <summary>The defaults a new installation starts with: on, Mondays at 09:00 UTC.</summary>
    public static FollowUpDigestSettings Defaults() => new()
    {
        Id = SingletonId,
        IsEnabled = true,
        Day = DayOfWeek.Monday,
        Hour = 9,
        TimeZoneId = "UTC",
        Version = Guid.Empty,
    };

    public int Id { get; private set; }

    public bool IsEnabled { get; private set; }

    public DayOfWeek Day { get; private set; }

    /// <summary>0 to 23, in <see cref="TimeZoneId"/>.</summary>
    public int Hour { get; private set; }

    /// <summary>The organisation's time zone (an IANA or Windows id the server knows).</summary>
    public string TimeZoneId { get; private set; } = "UTC";

    /// <summary>When an admin last changed the schedule: no week is sent for a time before it.</summary>
    public DateTimeOffset? SavedAt { get; private set; }

    public string? SavedBy { get; private set; }

    /// <summary>The week (<see cref="FollowUpDigestSchedule.WeekOf"/>) of the last digest sent; null before the first.</summary>
    public int? LastSentWeek { get; private set; }

    public DateTimeOffset? LastSentAt { get; private set; }

    /// <summary>Concurrency token: two admins saving at once never overwrite each other silently.</summary>
    public Guid Version { get; private set; }

    internal void Change(bool isEnabled, DayOfWeek day, int hour, string timeZoneId, Actor actor, DateTimeOffset now)
    {
        IsEnabled = isEnabled;
        Day = day;
        Hour = hour;
        TimeZoneId = timeZoneId;
        SavedAt = now;
        SavedBy = actor.DisplayName;
        Version = Guid.NewGuid();
    }
}
