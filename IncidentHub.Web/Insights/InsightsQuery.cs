using System.Globalization;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Insights;
using IncidentHub.Web.Components.Pages.Incidents;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentHub.Web.Insights;

/// <summary>
/// The insights page's choices as they appear in its address (<c>/insights?period=90d&amp;by=week&amp;severity=3</c>), so
/// that a view can be shared, and so that each chart's CSV link asks for exactly the figures the page shows. Dates are
/// local days in the viewer's time zone.
/// </summary>
public sealed record InsightsQuery
{
    public const string Custom = "custom";

    /// <summary>The preset periods, in days.</summary>
    public static readonly IReadOnlyDictionary<string, int> Presets = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["30d"] = 30,
        ["90d"] = 90,
        ["365d"] = 365,
    };

    /// <summary>30d, 90d, 365d or custom (then <see cref="From"/> and <see cref="To"/>).</summary>
    public string Period { get; init; } = "30d";

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Null: by week up to 90 days, by month beyond.</summary>
    public InsightsGrouping? Grouping { get; init; }

    public IReadOnlyList<int> SeverityIds { get; init; } = [];

    public IReadOnlyList<IncidentStatus> Statuses { get; init; } = [];

    public VisibilityFilter Visibility { get; init; } = VisibilityFilter.Any;

    public static InsightsQuery Parse(string? period, string? from, string? to, string? by, int[]? severity, string[]? status, string? visibility) => new()
    {
        Period = period is not null && (Presets.ContainsKey(period) || period == Custom) ? period : "30d",
        From = Date(from),
        To = Date(to),
        Grouping = by?.ToLowerInvariant() switch
        {
            "week" => InsightsGrouping.Week,
            "month" => InsightsGrouping.Month,
            _ => null,
        },
        SeverityIds = [.. (severity ?? []).Distinct()],
        Statuses = [.. (status ?? []).Select(s => Enum.TryParse<IncidentStatus>(s, ignoreCase: true, out var v) ? v : (IncidentStatus?)null).OfType<IncidentStatus>().Distinct()],
        Visibility = visibility?.ToLowerInvariant() switch
        {
            "standard" => VisibilityFilter.StandardOnly,
            "private" => VisibilityFilter.PrivateOnly,
            _ => VisibilityFilter.Any,
        },
    };

    /// <summary>
    /// The filter for Core, and a sentence when the address asked for something that could not be used as it was (dates
    /// missing or backwards, a period over three years): the page says so instead of quietly showing something else.
    /// </summary>
    public (InsightsFilter Filter, string? Problem) ToFilter(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        string? problem = null;
        InsightsFilter filter;
        if (Period == Custom && From is { } first && To is { } last && first <= last
            && last.DayNumber - first.DayNumber < InsightsFilter.MaxPeriod.TotalDays)
        {
            filter = InsightsFilter.Between(first, last, zone);
        }
        else
        {
            if (Period == Custom)
            {
                problem = From is null || To is null
                    ? "Pick both a first and a last day. Showing the last 30 days until then."
                    : To < From
                        ? "The last day is before the first. Showing the last 30 days instead."
                        : "Insights cover at most three years at a time. Showing the last 30 days instead.";
            }

            filter = InsightsFilter.LastDays(Presets.GetValueOrDefault(Period, 30), now, zone);
        }

        return (filter with
        {
            Grouping = Grouping ?? filter.Grouping,
            SeverityIds = SeverityIds,
            Statuses = Statuses,
            Visibility = Visibility,
        }, problem);
    }

    public string ToUrl(string path = "/insights", string? zoneId = null)
    {
        var query = new List<KeyValuePair<string, string?>> { new("period", Period) };
        if (Period == Custom)
        {
            query.Add(new("from", From?.ToString(IncidentsListQuery.DateFormat, CultureInfo.InvariantCulture)));
            query.Add(new("to", To?.ToString(IncidentsListQuery.DateFormat, CultureInfo.InvariantCulture)));
        }

        if (Grouping is { } grouping)
        {
            query.Add(new("by", grouping.ToString().ToLowerInvariant()));
        }

        query.AddRange(SeverityIds.Select(id => new KeyValuePair<string, string?>("severity", id.ToString(CultureInfo.InvariantCulture))));
        query.AddRange(Statuses.Select(s => new KeyValuePair<string, string?>("status", s.ToString())));
        if (Visibility != VisibilityFilter.Any)
        {
            query.Add(new("visibility", Visibility == VisibilityFilter.PrivateOnly ? "private" : "standard"));
        }

        if (zoneId is not null)
        {
            query.Add(new("tz", zoneId));
        }

        return QueryHelpers.AddQueryString(path, query.Where(q => q.Value is not null));
    }

    /// <summary>The CSV of one section, with the viewer's zone (the server has no other way to know it).</summary>
    public string CsvUrl(InsightsSection section, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return ToUrl($"/insights/{InsightsTable.Slug(section)}.csv", zone.Id);
    }

    /// <summary>The incidents list showing the incidents behind a figure: the period's days (or one bar's), with the same filters.</summary>
    public static string IncidentsUrl(InsightsFilter filter, DateOnly? firstDay = null, DateOnly? lastDay = null, string? ledById = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new IncidentsListQuery
        {
            From = firstDay ?? ZonedDays.DayOf(filter.From, filter.Zone),
            To = lastDay ?? ZonedDays.DayOf(filter.Before - TimeSpan.FromTicks(1), filter.Zone),
            SeverityIds = [.. filter.SeverityIds],
            Statuses = [.. filter.Statuses],
            IsPrivate = filter.Visibility switch
            {
                VisibilityFilter.PrivateOnly => true,
                VisibilityFilter.StandardOnly => false,
                _ => null,
            },
            LedById = ledById,
        }.ToUrl();
    }

    /// <summary>Two queries are the same when they give the same address (the lists compare by their items, not by reference).</summary>
    public bool Equals(InsightsQuery? other) => other is not null && ToUrl() == other.ToUrl();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToUrl());

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, IncidentsListQuery.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
