using System.Globalization;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Insights;
using IncidentHub.Web.Insights;
using IncidentHub.Web.Time;
using Microsoft.AspNetCore.Components;

namespace IncidentHub.Web.Components.Pages.Insights;

/// <summary>
/// Insights across incidents for a period and filters, which live in the address. Figures come from Core
/// (<see cref="InsightsQueries"/>), each chart with its table and CSV. A report, not a live view: it is computed when
/// the page opens or a filter changes (a busy incident changes many times a minute).
/// </summary>
public partial class InsightsPage
{
    private InsightsQuery _query = new();
    private InsightsReport? _report;
    private string? _problem;
    private IReadOnlyList<SeverityView> _severities = [];
    private TimeZoneInfo? _zone;

    [CascadingParameter]
    public ViewerClock Clock { get; set; } = default!;

    [Inject]
    public required InsightsQueries Insights { get; init; }

    [Inject]
    public required IncidentQueries Incidents { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IncidentHub.Web.Auth.CurrentUser CurrentUser { get; init; }

    [SupplyParameterFromQuery(Name = "period")]
    public string? Period { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "by")]
    public string? By { get; set; }

    [SupplyParameterFromQuery(Name = "severity")]
    public int[]? SeverityIds { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string[]? Status { get; set; }

    [SupplyParameterFromQuery(Name = "visibility")]
    public string? Visibility { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _severities = await Incidents.GetSeveritiesAsync(includeArchived: true);
    }

    protected override async Task OnParametersSetAsync()
    {
        var query = InsightsQuery.Parse(Period, From, To, By, SeverityIds, Status, Visibility);
        // The zone arrives from the browser after the first render; the figures follow it.
        if (query == _query && _report is not null && Equals(_zone, Clock.Zone))
        {
            return;
        }

        _query = query;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _zone = Clock.Zone;
        var (filter, problem) = _query.ToFilter(Clock.Now, Clock.Zone);
        _problem = problem;
        _report = await Insights.GetAsync(await CurrentUser.GetActorAsync(), filter);
    }

    private void Show(InsightsQuery query) => Navigation.NavigateTo(query.ToUrl(), new NavigationOptions { ReplaceHistoryEntry = true });

    private InsightsTable Table(InsightsSection section) => InsightsTable.For(_report!, section);

    private string Csv(InsightsSection section) => _query.CsvUrl(section, Clock.Zone);

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString("N0", CultureInfo.InvariantCulture)} {noun}s";

    private static string PeriodText(InsightsFilter filter)
    {
        var first = ZonedDays.DayOf(filter.From, filter.Zone);
        var last = ZonedDays.DayOf(filter.Before - TimeSpan.FromTicks(1), filter.Zone);
        return $"from {first.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} to {last.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
    }
}
