namespace IncidentHub.Core.FollowUps.Digest;

/// <summary>
/// When the weekly follow-up digest is due: a day of the week and an hour in the organisation's time zone. Pure, so
/// daylight-saving changes are tested without a database. A week runs Monday to Sunday in that zone; its key is the
/// day number (<see cref="DateOnly.DayNumber"/>) of its Monday, which is what a sweep claims.
/// </summary>
public static class FollowUpDigestSchedule
{
    /// <summary>The latest moment the digest was due at or before <paramref name="now"/>, and the week it belongs to.</summary>
    public static FollowUpDigestOccurrence LatestAtOrBefore(DateTimeOffset now, DayOfWeek day, int hour, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var date = today.AddDays(-(((int)today.DayOfWeek - (int)day + 7) % 7));
        var at = AtLocal(date, hour, zone);
        if (at > now)
        {
            date = date.AddDays(-7);
            at = AtLocal(date, hour, zone);
        }

        return new FollowUpDigestOccurrence(at, WeekOf(date));
    }

    /// <summary>
    /// How late a week's digest may still go out: a host that was down at the hour sends it when it is back within
    /// this; later than that the week is skipped (a Monday digest on Thursday helps nobody). It also keeps a new
    /// installation, or a schedule saved after this week's hour, from sending at once.
    /// </summary>
    public static readonly TimeSpan LateLimit = TimeSpan.FromDays(1);

    /// <summary>
    /// The occurrence a sweep at <paramref name="now"/> should send, or null: none is due (this week's was sent, is
    /// older than <see cref="LateLimit"/>, or came before the schedule was last saved), or the digest is off.
    /// </summary>
    public static FollowUpDigestOccurrence? Pending(FollowUpDigestSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsEnabled)
        {
            return null;
        }

        var latest = LatestAtOrBefore(now, settings.Day, settings.Hour, Common.TimeDisplay.FindZone(settings.TimeZoneId));
        var sent = settings.LastSentWeek >= latest.Week;
        var beforeSaved = settings.SavedAt is { } saved && latest.DueAt < saved;
        return sent || beforeSaved || now - latest.DueAt >= LateLimit ? null : latest;
    }

    /// <summary>When the next digest goes: <paramref name="now"/>'s pending one, else next week's. Null while off.</summary>
    public static DateTimeOffset? Next(FollowUpDigestSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsEnabled)
        {
            return null;
        }

        if (Pending(settings, now) is { } pending)
        {
            return pending.DueAt;
        }

        var zone = Common.TimeDisplay.FindZone(settings.TimeZoneId);
        var latest = LatestAtOrBefore(now, settings.Day, settings.Hour, zone);
        return AtLocal(DateOnly.FromDayNumber(latest.Week).AddDays((((int)settings.Day + 6) % 7) + 7), settings.Hour, zone);
    }

    /// <summary>The Monday (as a day number) of the week that holds <paramref name="date"/>.</summary>
    public static int WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)).DayNumber;

    /// <summary>
    /// The instant a local hour begins. An hour the clocks skip (spring forward) starts when the clocks jump, so the
    /// digest goes at the first moment that exists; an hour that happens twice (fall back) is the first of the two.
    /// </summary>
    public static DateTimeOffset AtLocal(DateOnly date, int hour, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The skipped hour: the first instant after the jump is the end of the hour before, in the old offset.
            var before = local.AddHours(-1);
            return new DateTimeOffset(before, zone.GetUtcOffset(before)).AddHours(1).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max()).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>One weekly occurrence: when it was due (UTC) and the week it stands for.</summary>
public sealed record FollowUpDigestOccurrence(DateTimeOffset DueAt, int Week);
