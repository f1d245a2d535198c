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
