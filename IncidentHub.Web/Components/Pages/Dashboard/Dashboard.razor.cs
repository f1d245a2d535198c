using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Users;
using IncidentHub.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace IncidentHub.Web.Components.Pages.Dashboard;

public partial class Dashboard
{
    private IReadOnlyList<IncidentListItem>? _incidents;
    private IReadOnlyList<SeverityView> _severities = [];
    private IReadOnlyList<UserRef> _leads = [];
    private IReadOnlyCollection<int> _severityIds = [];
    private IReadOnlyCollection<IncidentStatus> _statuses = [];
    private string? _leadId;
    private bool _mine;
    private bool _filtersOpen;
    private IncidentHub.Core.Common.Actor _me = null!;

    [Inject]
    public required IncidentQueries Queries { get; init; }

    [Inject]
    public required DirectoryQueries Directory { get; init; }

    [Inject]
    public required CurrentUser CurrentUser { get; init; }

    private bool IsFiltered => _severityIds.Any() || _statuses.Any() || _leadId is not null || _mine;

    private string CountText => _incidents switch
    {
        null => "Loading…",
        { Count: 0 } => IsFiltered ? "None match the filters." : "None right now.",
        { Count: 1 } => "1 incident, most severe first.",
        var list => $"{list.Count} incidents, most severe first.",
    };

    protected override async Task OnInitializedAsync()
    {
        _me = await CurrentUser.GetActorAsync();
        _severities = await Queries.GetSeveritiesAsync(includeArchived: true);
        _leads = await Directory.GetPeopleAsync();
        await LoadAsync();
        Watch(incidentId: null);
    }

    protected override Task OnLiveChangeAsync(IncidentChange change) => LoadAsync();

    private async Task LoadAsync()
    {
        _incidents = await Queries.GetActiveAsync(_me, new DashboardFilter
        {
            SeverityIds = _severityIds.ToList(),
            Statuses = _statuses.ToList(),
            LeadId = _leadId,
            MineUserId = _mine ? _me.UserId : null,
        });
    }

    private string SeverityName(int id) => _severities.FirstOrDefault(s => s.Id == id)?.Name ?? "";

    private Task OnSeveritiesChanged(IReadOnlyCollection<int>? values)
    {
        _severityIds = values?.ToList() ?? [];
        return LoadAsync();
    }

    private Task OnStatusesChanged(IReadOnlyCollection<IncidentStatus>? values)
    {
        _statuses = values?.ToList() ?? [];
        return LoadAsync();
    }

    private Task OnLeadChanged(string? leadId)
    {
        _leadId = string.IsNullOrEmpty(leadId) ? null : leadId;
        return LoadAsync();
    }

    private Task OnMineChanged(bool mine)
    {
        _mine = mine;
        return LoadAsync();
    }

    private Task ClearFiltersAsync()
    {
        _severityIds = [];
        _statuses = [];
        _leadId = null;
        _mine = false;
        return LoadAsync();
    }
}
