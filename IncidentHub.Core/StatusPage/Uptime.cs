namespace IncidentHub.Core.StatusPage;

/// <summary>
/// How long a service spent in each state, counted by the minute as Atlassian Statuspage does: a major outage counts
/// as down for all of its minutes, a partial outage for <see cref="PartialOutageWeight"/> of them, degraded performance
/// and maintenance as up. Where notices overlap, the service is in the worst of their states. Days are UTC days.
/// </summary>
public static class Uptime
{
    /// <summary>The share of a partial outage's minutes that counts as down (Statuspage weighs it at 30%).</summary>
    public const double PartialOutageWeight = 0.3;

    /// <summary>The rule, as the status page says it.</summary>
    public const string Rule =
        "Uptime counts the minutes each service was down: a major outage in full, a partial outage as 30% of its minutes. Degraded performance and maintenance count as up.";

    /// <summary>
    /// The history of one service over <paramref name="days"/> days ending today, counted until <paramref name="now"/>.
    /// </summary>
    public static ServiceHistory Count(IEnumerable<ImpactSpan> impacts, int days, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(impacts);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstDay = today.AddDays(-(days - 1));
        var start = StartOf(firstDay);
        // An outage that began this very moment has no minutes yet, but today's bar shows it all the same.
        var spans = impacts
            .Select(i => i with { From = Max(i.From, start), Until = Min(i.Until ?? now, now) })
            .Where(i => i.Until > i.From || (i.Until == i.From && i.From <= now && i.From >= start))
            .ToList();

        var buckets = Enumerable.Range(0, days).Select(d => new DayBucket(firstDay.AddDays(d))).ToList();
        foreach (var span in spans)
        {
            var first = DateOnly.FromDateTime(span.From.UtcDateTime);
            var last = DateOnly.FromDateTime(span.Until!.Value.UtcDateTime);
            if (span.Until > span.From && span.Until.Value.UtcDateTime.TimeOfDay == TimeSpan.Zero)
            {
                last = last.AddDays(-1);
            }

            for (var day = first; day <= last; day = day.AddDays(1))
            {
                buckets[day.DayNumber - firstDay.DayNumber].Touch(span);
            }
        }

        spans = spans.Where(s => s.Until > s.From).ToList();
        var boundaries = spans.SelectMany(s => new[] { s.From, s.Until!.Value })
            .Concat(buckets.Select(b => StartOf(b.Day)))
            .Append(now)
            .Where(t => t >= start && t <= now)
            .Distinct()
            .Order()
            .ToList();
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            var (from, until) = (boundaries[i], boundaries[i + 1]);
            var covering = spans.Where(s => s.From <= from && s.Until >= until).ToList();
            if (covering.Count == 0)
            {
                continue;
            }

            buckets[DateOnly.FromDateTime(from.UtcDateTime).DayNumber - firstDay.DayNumber].Add(covering.Max(s => s.State), until - from);
        }

        var major = buckets.Aggregate(TimeSpan.Zero, (sum, b) => sum + b.Time(ComponentState.MajorOutage));
        var partial = buckets.Aggregate(TimeSpan.Zero, (sum, b) => sum + b.Time(ComponentState.PartialOutage));
        var counted = now - start;
        var down = major.TotalMinutes + PartialOutageWeight * partial.TotalMinutes;
        var share = counted <= TimeSpan.Zero ? 1 : Math.Clamp(1 - down / counted.TotalMinutes, 0, 1);
        return new ServiceHistory(share, buckets.Select(b => b.ToDay()).ToList());
    }

    /// <summary>
    /// The share as a percentage with two decimals, rounded down as Statuspage does, so that any downtime shows:
    /// 99.996% up reads 99.99, never 100.
    /// </summary>
    public static double Percent(double share) => Math.Floor(Math.Clamp(share, 0, 1) * 10_000) / 100;

    /// <summary>"99.99%", "100%".</summary>
    public static string Describe(double share) =>
        Percent(share).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed class DayBucket(DateOnly day)
    {
        private readonly Dictionary<ComponentState, TimeSpan> _time = [];
        private readonly SortedDictionary<int, string> _notices = [];
        private ComponentState _worst = ComponentState.Operational;

        public DateOnly Day { get; } = day;

        public TimeSpan Time(ComponentState state) => _time.GetValueOrDefault(state);

        /// <summary>A notice had the service in this state at some point of the day.</summary>
        public void Touch(ImpactSpan span)
        {
            _notices[span.NoticeId] = span.Title;
            if (span.State > _worst)
            {
                _worst = span.State;
            }
        }

        public void Add(ComponentState state, TimeSpan time) => _time[state] = Time(state) + time;

        public DayStatus ToDay() => new(
            Day,
            _worst,
            Time(ComponentState.MajorOutage),
            Time(ComponentState.PartialOutage),
            Time(ComponentState.DegradedPerformance),
            Time(ComponentState.UnderMaintenance),
            [.. _notices.Values.Distinct()]);
    }
}

/// <summary>A service in a state because of a public notice, from <see cref="From"/> until <see cref="Until"/> (null: still).</summary>
public sealed record ImpactSpan(int NoticeId, string Title, ComponentState State, DateTimeOffset From, DateTimeOffset? Until);

/// <summary>The share of the counted time the service was up (by the rule above), and each day's record.</summary>
public sealed record ServiceHistory(double UptimeShare, IReadOnlyList<DayStatus> Days);
