using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.FollowUps;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Live;
using IncidentHub.Core.Users;
using IncidentHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.FollowUps;

/// <summary>/follow-ups: mine, by owner, by incident, overdue first; live. Who sees what is decided in <see cref="FollowUpQueries"/>.</summary>
public partial class FollowUpsPage
{
    private const int PageSize = 25;

    private PagedResult<FollowUpItem>? _page;
    private IReadOnlyList<UserRef> _people = [];
    private Actor _actor = null!;
    private bool _mine = true;
    private string? _ownerId;
    private IReadOnlyCollection<ActionStatus> _statuses = [ActionStatus.Outstanding];
    private string? _incidentText;
    private bool _overdueOnly;
    private int _pageNumber = 1;

    [SupplyParameterFromQuery(Name = "incident")]
    public int? Incident { get; set; }

    /// <summary>"all" opens on everyone's follow-ups (the admins' weekly digest links here); otherwise mine.</summary>
    [SupplyParameterFromQuery(Name = "view")]
    public string? View { get; set; }

    [SupplyParameterFromQuery(Name = "overdue")]
    public bool? Overdue { get; set; }

    [Inject]
    public required FollowUpQueries Queries { get; init; }

    [Inject]
    public required FollowUpService FollowUps { get; init; }

    [Inject]
    public required ActionService Actions { get; init; }

    [Inject]
    public required DirectoryQueries Directory { get; init; }

    [Inject]
    public required IncidentHub.Web.Auth.CurrentUser CurrentUser { get; init; }

    [Inject]
    public required UiFeedback Feedback { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    private int PageCount => _page is null ? 0 : (_page.TotalCount + PageSize - 1) / PageSize;

    private string CountText => _page!.TotalCount == 1 ? "1 follow-up" : $"{_page.TotalCount:N0} follow-ups";

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentUser.GetActorAsync();
        _people = await Directory.GetRespondersAsync();
        _mine = !string.Equals(View, "all", StringComparison.OrdinalIgnoreCase);
        _overdueOnly = Overdue == true;
        if (Incident is { } number)
        {
            _mine = false;
            _incidentText = IncidentReference.Format(number);
        }

        Watch(incidentId: null);
        await LoadAsync();
    }

    protected override Task OnLiveChangeAsync(IncidentChange change) => LoadAsync();

    private async Task LoadAsync()
    {
        int? number = IncidentReference.TryParse(_incidentText ?? "", out var parsed) ? parsed : null;
        _page = await Queries.SearchAsync(_actor, new FollowUpSearch
        {
            OwnerId = _mine ? _actor.UserId : _ownerId,
            IncidentNumber = number,
            Statuses = _statuses,
            OverdueOnly = _overdueOnly,
            Page = _pageNumber,
            PageSize = PageSize,
        });
    }

    private Task Filter(Action change)
    {
        change();
        _pageNumber = 1;
        return LoadAsync();
    }

    private Task OnMineChanged(bool mine) => Filter(() => _mine = mine);

    private Task OnOwnerChanged(string? ownerId) => Filter(() => _ownerId = ownerId);

    private Task OnStatusesChanged(IReadOnlyCollection<ActionStatus>? statuses) => Filter(() => _statuses = statuses ?? []);

    private Task OnIncidentChanged(string? text) => Filter(() => _incidentText = text);

    private Task OnOverdueChanged(bool overdue) => Filter(() => _overdueOnly = overdue);

    private Task OnPageChanged(int page)
    {
        _pageNumber = page;
        return LoadAsync();
    }

    private async Task SetAsync(FollowUpItem item, ActionStatus status)
    {
        await Feedback.RunAsync(() => Actions.ChangeStatusAsync(_actor, item.IncidentId, item.Id, item.Status, status));
        await LoadAsync();
    }

    private async Task DropAsync(FollowUpItem item)
    {
        await FollowUpDialogs.AskReasonAsync(Dialogs, item.Title,
            reason => Feedback.RunAsync(() => FollowUps.DropAsync(_actor, item.IncidentId, item.Id, item.Status, reason), success: "Marked as not doing, with the reason."));
        await LoadAsync();
    }
}
