using System.Globalization;

namespace IncidentHub.Core.Common;

/// <summary>
/// How IncidentHub writes times for people: in the viewer's time zone, with the date whenever it is not today, and
/// relative times such as "12 min ago".
/// </summary>
public static class TimeDisplay
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"14:05" today, "Mon 3 Nov 14:05" this year, "3 Nov 2025 14:05" before.</summary>
    public static string Absolute(DateTimeOffset instant, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone);
        if (local.Date == today.Date)
        {
            return local.ToString("HH:mm", Culture);
        }

        return local.Year == today.Year
            ? local.ToString("ddd d MMM HH:mm", Culture)
            : local.ToString("d MMM yyyy HH:mm", Culture);
    }

    /// <summary>The full instant with zone, for tooltips: "2026-11-24 14:05:09 (Europe/London, UTC+00:00)".</summary>
    public static string Full(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset < TimeSpan.Zero ? "-" + local.Offset.ToString(@"hh\:mm", Culture) : "+" + local.Offset.ToString(@"hh\:mm", Culture);
        return $"{local.ToString("yyyy-MM-dd HH:mm:ss", Culture)} ({zone.Id}, UTC{offset})";
    }

    /// <summary>"just now", "12 min ago", "3 h ago", "2 days ago"; "in 5 min" for the future.</summary>
    public static string Relative(DateTimeOffset instant, DateTimeOffset now)
    {
        var delta = now - instant;
        if (delta.Duration() < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        var text = Duration(delta.Duration(), coarse: true);
        return delta > TimeSpan.Zero ? $"{text} ago" : $"in {text}";
    }

    /// <summary>
    /// "45 s", "47 min", "2 h 05 min", "3 days 4 h". With <paramref name="coarse"/>, only the largest unit from hours
    /// up ("3 h", "2 days").
    /// </summary>
    public static string Duration(TimeSpan span, bool coarse = false)
    {
        span = span.Duration();
        if (span < TimeSpan.FromMinutes(1))
        {
            return $"{(int)span.TotalSeconds} s";
        }

        if (span < TimeSpan.FromHours(1))
        {
            return $"{(int)span.TotalMinutes} min";
        }

        if (span < TimeSpan.FromDays(1))
        {
            return coarse ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes:00} min";
        }

        var days = (int)span.TotalDays;
        var dayText = days == 1 ? "1 day" : $"{days} days";
        return coarse || span.Hours == 0 ? dayText : $"{dayText} {span.Hours} h";
    }

    /// <summary>Finds a time zone by IANA or Windows id; UTC when unknown.</summary>
    public static TimeZoneInfo FindZone(string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.Utc;
    }
}
