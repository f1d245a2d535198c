using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Web.Time;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.Incidents;

/// <summary>All incidents: searchable, filterable, paged on the server.</summary>
public partial class IncidentsList
{
    private MudTable<IncidentListItem>? _table;
    private IReadOnlyList<SeverityView> _severities = [];
    private string? _text;
    private IReadOnlyCollection<IncidentStatus> _statuses = [];
    private IReadOnlyCollection<int> _severityIds = [];
    private DateRange? _dates;

    [CascadingParameter]
    public ViewerClock Clock { get; set; } = default!;

    [Inject]
    public required IncidentQueries Queries { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IncidentHub.Web.Auth.CurrentUser CurrentUser { get; init; }

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_text) || _statuses.Count > 0 || _severityIds.Count > 0 || _dates?.Start is not null;

    protected override async Task OnInitializedAsync()
    {
        _severities = await Queries.GetSeveritiesAsync(includeArchived: true);
        Watch(incidentId: null);
    }

    protected override Task OnLiveChangeAsync(IncidentChange change) => ReloadAsync();

    private async Task<TableData<IncidentListItem>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var (from, before) = DateBounds();
        var page = await Queries.SearchAsync(await CurrentUser.GetActorAsync(), new IncidentSearch
        {
            Text = _text,
            Statuses = _statuses,
            SeverityIds = _severityIds,
            DeclaredFrom = from,
            DeclaredBefore = before,
            Page = state.Page + 1,
            PageSize = state.PageSize,
        }, cancellationToken);
        return new TableData<IncidentListItem> { Items = page.Items, TotalItems = page.TotalCount };
    }

    /// <summary>The picked days, from the start of the first to the end of the last, in the viewer's zone.</summary>
    private (DateTimeOffset? From, DateTimeOffset? Before) DateBounds()
    {
        DateTimeOffset? from = _dates?.Start is { } start ? Clock.FromLocal(start.Date) : null;
        DateTimeOffset? before = _dates?.End is { } end ? Clock.FromLocal(end.Date.AddDays(1)) : null;
        return (from, before);
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task OnTextChanged(string? text)
    {
        _text = text;
        return ReloadAsync();
    }

    private Task OnStatusesChanged(IReadOnlyCollection<IncidentStatus>? statuses)
    {
        _statuses = statuses ?? [];
        return ReloadAsync();
    }

    private Task OnSeveritiesChanged(IReadOnlyCollection<int>? ids)
    {
        _severityIds = ids ?? [];
        return ReloadAsync();
    }

    private Task OnDatesChanged(DateRange? dates)
    {
        _dates = dates;
        return ReloadAsync();
    }

    private string SeverityName(int id) => _severities.FirstOrDefault(s => s.Id == id)?.Name ?? "";

    private void Open(TableRowClickEventArgs<IncidentListItem> row)
    {
        if (row.Item is { } item)
        {
            Navigation.NavigateTo($"/incidents/{item.Number}");
        }
    }

    private string DurationText(IncidentListItem incident) => incident switch
    {
        { Status: IncidentStatus.Declined } => $"Declined after {TimeDisplay.Duration(incident.OpenFor(Clock.Now))}",
        { EndedAt: not null } => TimeDisplay.Duration(incident.OpenFor(Clock.Now)),
        _ => $"{TimeDisplay.Duration(incident.OpenFor(Clock.Now))} so far",
    };
}
