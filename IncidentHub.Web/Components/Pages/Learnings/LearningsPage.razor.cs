using IncidentHub.Core.Incidents;
using IncidentHub.Core.Learnings;
using IncidentHub.Core.Live;
using IncidentHub.Web.Time;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.Learnings;

/// <summary>/learnings: published reviews the reader may see. Who sees what is decided in <see cref="LearningsQueries"/>.</summary>
public partial class LearningsPage
{
    private const int PageSize = 10;

    private IReadOnlyList<SeverityView> _severities = [];
    private PagedResult<LearningItem>? _page;
    private string? _text;
    private IReadOnlyCollection<int> _severityIds = [];
    private DateRange? _dates;
    private int _pageNumber = 1;

    [CascadingParameter]
    public ViewerClock Clock { get; set; } = default!;

    [Inject]
    public required LearningsQueries Learnings { get; init; }

    [Inject]
    public required IncidentQueries Incidents { get; init; }

    [Inject]
    public required IncidentHub.Web.Auth.CurrentUser CurrentUser { get; init; }

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_text) || _severityIds.Count > 0 || _dates?.Start is not null;

    private int PageCount => _page is null ? 0 : (_page.TotalCount + PageSize - 1) / PageSize;

    private string CountText => _page!.TotalCount == 1 ? "1 review" : $"{_page.TotalCount:N0} reviews";

    protected override async Task OnInitializedAsync()
    {
        _severities = await Incidents.GetSeveritiesAsync(includeArchived: true);
        Watch(incidentId: null);
        await LoadAsync();
    }

    protected override Task OnLiveChangeAsync(IncidentChange change) => LoadAsync();

    private async Task LoadAsync()
    {
        DateTimeOffset? from = _dates?.Start is { } start ? Clock.FromLocal(start.Date) : null;
        DateTimeOffset? before = _dates?.End is { } end ? Clock.FromLocal(end.Date.AddDays(1)) : null;
        _page = await Learnings.SearchAsync(await CurrentUser.GetActorAsync(), new LearningsSearch
        {
            Text = _text,
            SeverityIds = _severityIds,
            PublishedFrom = from,
            PublishedBefore = before,
            Page = _pageNumber,
            PageSize = PageSize,
        });
    }

    private Task OnTextChanged(string? text)
    {
        _text = text;
        _pageNumber = 1;
        return LoadAsync();
    }

    private Task OnSeveritiesChanged(IReadOnlyCollection<int>? ids)
    {
        _severityIds = ids ?? [];
        _pageNumber = 1;
        return LoadAsync();
    }

    private Task OnDatesChanged(DateRange? dates)
    {
        _dates = dates;
        _pageNumber = 1;
        return LoadAsync();
    }

    private Task OnPageChanged(int page)
    {
        _pageNumber = page;
        return LoadAsync();
    }

    private string SeverityName(int id) => _severities.FirstOrDefault(s => s.Id == id)?.Name ?? "";
}
