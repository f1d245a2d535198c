using IncidentHub.Core.Incidents;

namespace IncidentHub.Core.Insights;

/// <summary>How the incidents of a period are counted: by the week (Monday to Sunday) or by the calendar month.</summary>
public enum InsightsGrouping
{
    Week,
    Month,
}

/// <summary>Which incidents count, by visibility. Private incidents count in every figure unless filtered out.</summary>
public enum VisibilityFilter
{
    Any,
    StandardOnly,
    PrivateOnly,
}

/// <summary>
/// Which incidents insights look at: those declared from <see cref="From"/> (inclusive) to <see cref="Before"/>
/// (exclusive), narrowed by the filters, counted by week or month in <see cref="Zone"/> (the viewer's time zone, which
/// also decides what is out of hours). Incident types and custom fields join the filters when they exist.
/// </summary>
public sealed record InsightsFilter
{
    /// <summary>The longest period insights cover at once: three years.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(3 * 366);

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset Before { get; init; }

    public InsightsGrouping Grouping { get; init; } = InsightsGrouping.Week;

    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    public IReadOnlyCollection<int> SeverityIds { get; init; } = [];

    /// <summary>The incidents' current status.</summary>
    public IReadOnlyCollection<IncidentStatus> Statuses { get; init; } = [];

    public VisibilityFilter Visibility { get; init; } = VisibilityFilter.Any;

    /// <summary>
    /// The last <paramref name="days"/> local days, today included, in <paramref name="zone"/>: whole days, so that every
    /// bar of a chart opens the same incidents in the incidents list. By week up to 90 days, by month beyond.
    /// </summary>
    public static InsightsFilter LastDays(int days, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = ZonedDays.DayOf(now, zone);
        return Between(today.AddDays(1 - days), today, zone) with { Grouping = days > 90 ? InsightsGrouping.Month : InsightsGrouping.Week };
    }

    /// <summary>From the start of local day <paramref name="first"/> to the end of local day <paramref name="last"/>.</summary>
    public static InsightsFilter Between(DateOnly first, DateOnly last, TimeZoneInfo zone) => new()
    {
        From = ZonedDays.StartOf(first, zone),
        Before = ZonedDays.StartOf(last.AddDays(1), zone),
        Zone = zone,
        Grouping = last.DayNumber - first.DayNumber >= 90 ? InsightsGrouping.Month : InsightsGrouping.Week,
    };

    /// <summary>Checks the period; a refused period is said, never quietly changed.</summary>
    public void Validate()
    {
        if (Before <= From)
        {
            throw Common.ValidationFailedException.For(nameof(Before), "The end of the period must be after its start.");
        }

        if (Before - From > MaxPeriod)
        {
            throw Common.ValidationFailedException.For(nameof(From), "Insights cover at most three years at a time: pick a shorter period.");
        }
    }
}
