using System.Globalization;
using System.Linq.Expressions;
using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Insights;

/// <summary>One bar of the volume chart: the incidents declared from <see cref="Start"/> to <see cref="End"/>.</summary>
/// <param name="FirstDay">The first local day it covers (for the incidents list's date filter).</param>
/// <param name="LastDay">The last local day it covers.</param>
public sealed record InsightsBucket(int Index, string Label, DateTimeOffset Start, DateTimeOffset End, DateOnly FirstDay, DateOnly LastDay);

/// <summary>
/// Splits a period into weeks (Monday to Sunday) or calendar months in the viewer's zone, and tells the database which
/// bucket an incident falls in, so that counting happens there.
/// </summary>
public static class InsightsBuckets
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static IReadOnlyList<InsightsBucket> For(InsightsFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var zone = filter.Zone;
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(filter.From, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(filter.Before - TimeSpan.FromTicks(1), zone).DateTime);
        var buckets = new List<InsightsBucket>();
        var day = filter.Grouping == InsightsGrouping.Week
            ? first.AddDays(-(((int)first.DayOfWeek + 6) % 7))
            : new DateOnly(first.Year, first.Month, 1);
        while (day <= last)
        {
            var next = filter.Grouping == InsightsGrouping.Week ? day.AddDays(7) : day.AddMonths(1);
            var start = Max(ZonedDays.StartOf(day, zone), filter.From);
            var end = Min(ZonedDays.StartOf(next, zone), filter.Before);
            var firstDay = day < first ? first : day;
            var lastDay = next.AddDays(-1) > last ? last : next.AddDays(-1);
            var label = filter.Grouping == InsightsGrouping.Week
                ? day.ToString(day.Year == last.Year && day.Year == first.Year ? "d MMM" : "d MMM yyyy", Culture)
                : day.ToString("MMM yyyy", Culture);
            buckets.Add(new InsightsBucket(buckets.Count, label, start, end, firstDay, lastDay));
            day = next;
        }

        return buckets;
    }

    /// <summary>
    /// The bucket an incident was declared in, as an expression the database evaluates (a CASE over the bucket
    /// boundaries, which are query parameters). Incidents outside the period get -1; the period filter excludes them.
    /// </summary>
    public static Expression<Func<Incident, int>> IndexOf(IReadOnlyList<InsightsBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var incident = Expression.Parameter(typeof(Incident), "i");
        var declared = Expression.Property(incident, nameof(Incident.DeclaredAt));
        Expression body = Expression.Constant(-1);
        // Built from the last bucket back: declared < end(0) ? 0 : declared < end(1) ? 1 : ... : -1.
        var ends = buckets.Select(b => new Boundary(b.End)).ToArray();
        for (var i = buckets.Count - 1; i >= 0; i--)
        {
            var end = Expression.Property(Expression.Constant(ends[i]), nameof(Boundary.Value));
            body = Expression.Condition(Expression.LessThan(declared, end), Expression.Constant(buckets[i].Index), body);
        }

        return Expression.Lambda<Func<Incident, int>>(body, incident);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Holds a boundary so that EF sends it as a parameter rather than writing it into the SQL.</summary>
    private sealed class Boundary(DateTimeOffset value)
    {
        public DateTimeOffset Value { get; } = value;
    }
}

/// <summary>Local days in a time zone, as instants.</summary>
public static class ZonedDays
{
    /// <summary>The instant local <paramref name="day"/> begins in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            // Midnight skipped by a clock change: the day begins when the clocks resume.
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The local day <paramref name="instant"/> falls on in <paramref name="zone"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }
}
