using IncidentHub.Core.Incidents;
using IncidentHub.Core.Search;
using IncidentHub.Web.Time;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.Search;

/// <summary>
/// <c>/search?q=...</c>: everything the viewer may see that holds the words, grouped by incident, best first, each match
/// linking to its place (a timeline entry opens the incident at that entry). The query and filters live in the address,
/// so a search can be shared and the top bar's box lands here. The rules (what is searched, who sees what, how the
/// words are read) are Core's <see cref="SearchQueries"/>.
/// </summary>
public partial class SearchPage
{
    private IReadOnlyList<SeverityView> _severities = [];
    private SearchPageQuery _query = new();
    private SearchResults? _results;
    private string? _typed;

    [CascadingParameter]
    public ViewerClock Clock { get; set; } = default!;

    [Inject]
    public required SearchQueries Search { get; init; }

    [Inject]
    public required IncidentQueries Incidents { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IncidentHub.Web.Auth.CurrentUser CurrentUser { get; init; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Q { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string[]? Status { get; set; }

    [SupplyParameterFromQuery(Name = "severity")]
    public int[]? SeverityIds { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    private int PageCount => _results is { PageSize: > 0 } r ? (r.TotalIncidents + r.PageSize - 1) / r.PageSize : 0;

    private DateRange? Dates => _query.From is null && _query.To is null
        ? null
        : new DateRange(_query.From?.ToDateTime(TimeOnly.MinValue), _query.To?.ToDateTime(TimeOnly.MinValue));

    protected override async Task OnInitializedAsync()
    {
        _severities = await Incidents.GetSeveritiesAsync(includeArchived: true);
    }

    protected override async Task OnParametersSetAsync()
    {
        var query = SearchPageQuery.Parse(Q, Status, SeverityIds, From, To, PageNumber);
        if (query == _query && _results is not null)
        {
            return;
        }

        _query = query;
        _typed = query.Text;
        if (query.Text is null)
        {
            _results = null;
            return;
        }

        _results = await Search.SearchAsync(await CurrentUser.GetActorAsync(), new SearchRequest
        {
            Text = query.Text,
            Statuses = query.Statuses,
            SeverityIds = query.SeverityIds,
            DeclaredFrom = query.From is { } from ? Clock.FromLocal(from.ToDateTime(TimeOnly.MinValue)) : null,
            DeclaredBefore = query.To is { } to ? Clock.FromLocal(to.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null,
            Page = query.Page,
        });
    }

    private void Show(SearchPageQuery query) => Navigation.NavigateTo(query.ToUrl());

    private void Submit() => Show(_query with { Text = string.IsNullOrWhiteSpace(_typed) ? null : _typed, Page = 1 });

    private void OnStatusesChanged(IReadOnlyCollection<IncidentStatus>? statuses) => Show(_query with { Statuses = [.. statuses ?? []], Page = 1 });

    private void OnSeveritiesChanged(IReadOnlyCollection<int>? ids) => Show(_query with { SeverityIds = [.. ids ?? []], Page = 1 });

    private void OnDatesChanged(DateRange? dates) => Show(_query with
    {
        From = dates?.Start is { } start ? DateOnly.FromDateTime(start) : null,
        To = dates?.End is { } end ? DateOnly.FromDateTime(end) : null,
        Page = 1,
    });

    private void OnPageChanged(int page) => Show(_query with { Page = page });

    private string SeverityName(int id) => _severities.FirstOrDefault(s => s.Id == id)?.Name ?? "";

    private static string MatchHref(SearchResult result, SearchMatch match) => match.TimelineEntryId is { } entry
        ? $"/incidents/{result.Number}#entry-{entry}"
        : $"/incidents/{result.Number}";

    private static string KindName(SearchMatchKind kind) => kind switch
    {
        SearchMatchKind.Timeline => "Timeline",
        SearchMatchKind.Action => "Action",
        SearchMatchKind.Notice => "Status page notice",
        _ => "Details",
    };
}
