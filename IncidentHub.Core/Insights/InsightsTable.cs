using System.Globalization;
using IncidentHub.Core.Common;

namespace IncidentHub.Core.Insights;

/// <summary>The sections of the insights page, each a chart with its table and CSV.</summary>
public enum InsightsSection
{
    Volume,
    Durations,
    TimeInStatus,
    Cadence,
    Actions,
    Workload,
}

/// <summary>
/// A figure as a table: what the page shows under its chart and exactly what its CSV holds (the same cells, as text).
/// Durations are in hours with two decimals, so that a spreadsheet can add them up.
/// </summary>
public sealed record InsightsTable(InsightsSection Section, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public string ToCsv() => Csv.Write(Headers, Rows);

    /// <summary>"insights-volume-2026-11-01-to-2026-11-30.csv".</summary>
    public string FileName(InsightsFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var first = ZonedDays.DayOf(filter.From, filter.Zone);
        var last = ZonedDays.DayOf(filter.Before - TimeSpan.FromTicks(1), filter.Zone);
        return $"insights-{Slug(Section)}-{first:yyyy-MM-dd}-to-{last:yyyy-MM-dd}.csv";
    }

    /// <summary>The section's name in addresses and file names: "volume", "time-in-status".</summary>
    public static string Slug(InsightsSection section) => section switch
    {
        InsightsSection.TimeInStatus => "time-in-status",
        _ => section.ToString().ToLowerInvariant(),
    };

    public static InsightsTable For(InsightsReport report, InsightsSection section)
    {
        ArgumentNullException.ThrowIfNull(report);
        return section switch
        {
            InsightsSection.Volume => Volume(report.Volume),
            InsightsSection.Durations => Durations(report.Durations),
            InsightsSection.TimeInStatus => TimeInStatus(report.TimeInStatus),
            InsightsSection.Cadence => Cadence(report.Cadence),
            InsightsSection.Actions => Actions(report.Actions),
            InsightsSection.Workload => Workload(report.Workload),
            _ => throw new ArgumentOutOfRangeException(nameof(section)),
        };
    }

    public static string Hours(TimeSpan? span) => span is { } s ? s.TotalHours.ToString("0.00", Culture) : "";

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0", Culture) : "";

    public static string Period(InsightsBucket bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return bucket.FirstDay == bucket.LastDay
            ? bucket.FirstDay.ToString("d MMM yyyy", Culture)
            : $"{bucket.FirstDay.ToString("d MMM yyyy", Culture)} – {bucket.LastDay.ToString("d MMM yyyy", Culture)}";
    }

    private static InsightsTable Volume(VolumeInsight volume) => new(
        InsightsSection.Volume,
        "Incidents declared",
        ["Period", .. volume.Severities.Select(s => s.SeverityName), "Total", "Incidents"],
        [.. volume.Buckets.Select(b => (IReadOnlyList<string>)
            [Period(b.Bucket), .. b.BySeverity.Select(s => Count(s.Count)), Count(b.Total), b.Incidents.Describe()])]);

    private static InsightsTable Durations(IReadOnlyList<DurationMetric> metrics) => new(
        InsightsSection.Durations,
        "Time to detect, acknowledge, mitigate and resolve",
        ["Measure", "Median (hours)", "90th percentile (hours)", "Incidents measured", "Incidents in period", "Spans", "Longest"],
        [.. metrics.Select(m => (IReadOnlyList<string>)
            [m.Name, Hours(m.Median), Hours(m.P90), Count(m.Measured), Count(m.OutOf), m.Definition, m.Longest.Describe()])]);

    private static InsightsTable TimeInStatus(IReadOnlyList<StatusTime> statuses) => new(
        InsightsSection.TimeInStatus,
        "Time in each status",
        ["Status", "Median per incident (hours)", "Total (hours)", "Incidents"],
        [.. statuses.Select(s => (IReadOnlyList<string>)[s.Status.ToString(), Hours(s.Median), Hours(s.Total), Count(s.Incidents)])]);

    private static InsightsTable Cadence(CadenceInsight cadence) => new(
        InsightsSection.Cadence,
        "Update cadence",
        ["Measure", "Value"],
        [
            ["Updates posted on time", Count(cadence.OnTime)],
            ["Updates posted late", Count(cadence.Late)],
            ["Updates skipped", Count(cadence.Skipped)],
            ["On time (%)", Percent(cadence.OnTimeShare)],
            ["Longest silence (hours)", Hours(cadence.LongestSilence)],
            ["Longest silence in", cadence.LongestSilenceIn.Describe()],
        ]);

    private static InsightsTable Actions(ActionsInsight actions) => new(
        InsightsSection.Actions,
        "Actions",
        ["State", "Actions"],
        [
            ["Done", Count(actions.Done)],
            ["Not doing", Count(actions.NotDoing)],
            ["Outstanding", Count(actions.Outstanding)],
            ["Completed (%)", Percent(actions.CompletedShare)],
        ]);

    private static InsightsTable Workload(WorkloadInsight workload) => new(
        InsightsSection.Workload,
        "Workload",
        ["Person", "Incidents led", "Hours in a role", "Out of hours (hours)", "Updates posted", "Led"],
        [.. workload.People.Select(p => (IReadOnlyList<string>)
            [p.Name, Count(p.IncidentsLed), Hours(p.RoleTime), Hours(p.OutOfHours), Count(p.UpdatesPosted), p.Led.Describe()])]);

    private static string Count(int n) => n.ToString(Culture);
}
