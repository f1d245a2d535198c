using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Users;
using IncidentHub.Web.Time;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.Incidents;

/// <summary>
/// All incidents: searchable, filterable, paged on the server. The filters live in the address, so a filtered list can
/// be shared and the insights page can open the incidents behind a bar of a chart.
/// </summary>
public partial class IncidentsList
{
    private MudTable<IncidentListItem>? _table;
    private IReadOnlyList<SeverityView> _severities = [];
    private IReadOnlyList<IncidentHub.Core.StatusPage.ComponentView> _services = [];
    private IReadOnlyList<IncidentHub.Core.IncidentTypes.IncidentTypeView> _types = [];
    private IncidentsListQuery _query = new();
    private string? _ledByName;

    [CascadingParameter]
    public ViewerClock Clock { get; set; } = default!;

    [Inject]
    public required IncidentQueries Queries { get; init; }

    [Inject]
    public required DirectoryQueries Directory { get; init; }

    [Inject]
    public required IncidentHub.Core.StatusPage.StatusComponentService ServiceList { get; init; }

    [Inject]
    public required IncidentHub.Core.IncidentTypes.IncidentTypeService TypeList { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IncidentHub.Web.Auth.CurrentUser CurrentUser { get; init; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Q { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string[]? Status { get; set; }

    [SupplyParameterFromQuery(Name = "severity")]
    public int[]? Severity { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "visibility")]
    public string? Visibility { get; set; }

    [SupplyParameterFromQuery(Name = "service")]
    public int[]? Service { get; set; }

    [SupplyParameterFromQuery(Name = "type")]
    public int[]? Type { get; set; }

    [SupplyParameterFromQuery(Name = "led")]
    public string? Led { get; set; }

    private bool IsFiltered => _query != new IncidentsListQuery();

    private DateRange? Dates => _query.From is null && _query.To is null
        ? null
        : new DateRange(_query.From?.ToDateTime(TimeOnly.MinValue), _query.To?.ToDateTime(TimeOnly.MinValue));

    private string VisibilityChoice => _query.IsPrivate switch
    {
        true => "private",
        false => "standard",
        null => "any",
    };

    protected override async Task OnInitializedAsync()
    {
        _severities = await Queries.GetSeveritiesAsync(includeArchived: true);
        _services = await ServiceList.GetAllAsync(includeArchived: true);
        _types = await TypeList.GetAllAsync(includeArchived: true);
        Watch(incidentId: null);
    }

    protected override async Task OnParametersSetAsync()
    {
        var query = IncidentsListQuery.Parse(Q, Status, Severity, From, To, Visibility, Led, Service, Type);
        if (query == _query)
        {
            return;
        }

        var ledChanged = query.LedById != _query.LedById;
        _query = query;
        if (ledChanged)
        {
            _ledByName = query.LedById is null ? null
                : (await Directory.GetUsersAsync()).FirstOrDefault(u => u.Id == query.LedById)?.DisplayName ?? "someone who no longer has an account";
        }

        await ReloadAsync();
    }

    protected override Task OnLiveChangeAsync(IncidentChange change) => ReloadAsync();

    private async Task<TableData<IncidentListItem>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var (from, before) = DateBounds();
        var page = await Queries.SearchAsync(await CurrentUser.GetActorAsync(), new IncidentSearch
        {
            Text = _query.Text,
            Statuses = _query.Statuses,
            SeverityIds = _query.SeverityIds,
            DeclaredFrom = from,
            DeclaredBefore = before,
            IsPrivate = _query.IsPrivate,
            LedById = _query.LedById,
            ServiceIds = _query.ServiceIds,
            TypeIds = _query.TypeIds,
            Page = state.Page + 1,
            PageSize = state.PageSize,
        }, cancellationToken);
        return new TableData<IncidentListItem> { Items = page.Items, TotalItems = page.TotalCount };
    }

    /// <summary>The picked days, from the start of the first to the end of the last, in the viewer's zone.</summary>
    private (DateTimeOffset? From, DateTimeOffset? Before) DateBounds()
    {
        DateTimeOffset? from = _query.From is { } start ? Clock.FromLocal(start.ToDateTime(TimeOnly.MinValue)) : null;
        DateTimeOffset? before = _query.To is { } end ? Clock.FromLocal(end.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null;
        return (from, before);
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>A changed filter goes into the address; the page reloads from there.</summary>
    private void Show(IncidentsListQuery query) =>
        Navigation.NavigateTo(query.ToUrl(), new NavigationOptions { ReplaceHistoryEntry = true });

    private void OnTextChanged(string? text) => Show(_query with { Text = string.IsNullOrWhiteSpace(text) ? null : text });

    private void OnStatusesChanged(IReadOnlyCollection<IncidentStatus>? statuses) => Show(_query with { Statuses = [.. statuses ?? []] });

    private void OnSeveritiesChanged(IReadOnlyCollection<int>? ids) => Show(_query with { SeverityIds = [.. ids ?? []] });

    private void OnServicesChanged(IEnumerable<int>? ids) => Show(_query with { ServiceIds = [.. ids ?? []] });

    private void OnTypesChanged(IEnumerable<int>? ids) => Show(_query with { TypeIds = [.. ids ?? []] });

    private string TypeName(int id) => _types.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    private string ServiceName(int id) => _services.FirstOrDefault(s => s.Id == id)?.Name ?? "";

    private void OnDatesChanged(DateRange? dates) => Show(_query with
    {
        From = dates?.Start is { } start ? DateOnly.FromDateTime(start) : null,
        To = dates?.End is { } end ? DateOnly.FromDateTime(end) : null,
    });

    private void OnVisibilityChanged(string choice) => Show(_query with
    {
        IsPrivate = choice switch
        {
            "private" => true,
            "standard" => false,
            _ => null,
        },
    });

    private void ClearLedBy() => Show(_query with { LedById = null });

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
