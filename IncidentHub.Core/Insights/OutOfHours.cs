namespace IncidentHub.Core.Insights;

/// <summary>
/// Working hours are 09:00 to 18:00, Monday to Friday, in the viewer's time zone; everything else is out of hours.
/// Worked out here rather than in the database because no database IncidentHub supports knows every time zone's rules.
/// </summary>
public static class OutOfHours
{
    public static readonly TimeOnly WorkStarts = new(9, 0);
    public static readonly TimeOnly WorkEnds = new(18, 0);

    public const string Definition = "Outside 09:00–18:00, Monday to Friday, in your time zone";

    /// <summary>How much of <paramref name="from"/> to <paramref name="to"/> falls out of hours in <paramref name="zone"/>.</summary>
    public static TimeSpan Within(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var working = TimeSpan.Zero;
        var day = ZonedDays.DayOf(from, zone);
        var lastDay = ZonedDays.DayOf(to, zone);
        for (; day <= lastDay; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var start = At(day, WorkStarts, zone);
            var end = At(day, WorkEnds, zone);
            var overlapStart = start > from ? start : from;
            var overlapEnd = end < to ? end : to;
            if (overlapEnd > overlapStart)
            {
                working += overlapEnd - overlapStart;
            }
        }

        return to - from - working;
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
