using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace IncidentHub.Web.Components.Pages.Incidents;

/// <summary>The war room: everything about one incident, live.</summary>
public partial class IncidentPage
{
    private const int TimelinePageSize = 100;

    private IncidentDetail? _incident;
    private PagedResult<TimelineEntryView>? _timeline;
    private Actor? _me;
    private bool _notFound;
    private bool _keyEventsOnly;
    private int _timelineShown = TimelinePageSize;

    [Parameter]
    public int Number { get; set; }

    [Inject]
    public required IncidentQueries Queries { get; init; }

    [Inject]
    public required CurrentUser CurrentUser { get; init; }

    [Inject]
    public required IncidentHub.Core.Access.IncidentAccessService Access { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _me ??= await CurrentUser.GetActorAsync();
        if (_incident?.Number != Number)
        {
            _incident = null;
            _timeline = null;
            _timelineShown = TimelinePageSize;
        }

        await ReloadAsync();
        if (_incident is not null)
        {
            Watch(_incident.Id);
            // Someone not on a private incident (an admin, someone let in) opening it goes in its access log.
            await Access.RecordViewAsync(_me, _incident.Id);
        }
    }

    protected override Task OnLiveChangeAsync(IncidentChange change) => ReloadAsync();

    private async Task ReloadAsync()
    {
        var incident = await Queries.GetDetailAsync(_me!, Number);
        _notFound = incident is null;
        _incident = incident;
        if (incident is not null)
        {
            _timeline = await Queries.GetTimelineAsync(_me!, incident.Id, _keyEventsOnly, 0, _timelineShown);
        }
    }

    private async Task OnKeyEventsOnlyChanged(bool value)
    {
        _keyEventsOnly = value;
        await ReloadAsync();
    }

    private async Task LoadMoreAsync()
    {
        _timelineShown += TimelinePageSize;
        await ReloadAsync();
    }
}
