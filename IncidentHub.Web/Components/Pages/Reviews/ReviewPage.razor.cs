using IncidentHub.Core.Access;
using IncidentHub.Core.Common;
using IncidentHub.Core.Live;
using IncidentHub.Core.Reviews;
using IncidentHub.Web.Components.Shared;
using IncidentHub.Web.Time;
using Microsoft.AspNetCore.Components;

namespace IncidentHub.Web.Components.Pages.Reviews;

/// <summary>The review of an incident: the written review (sections, owner, reviewers, state), then the incident's own record.</summary>
public partial class ReviewPage
{
    private IncidentReview? _review;
    private bool _loaded;
    private bool _busy;
    private int? _shownNumber;
    private Actor _actor = null!;

    [Parameter]
    public int Number { get; set; }

    [Inject]
    public required ReviewQueries Reviews { get; init; }

    [Inject]
    public required IncidentHub.Web.Auth.CurrentUser CurrentUser { get; init; }

    [Inject]
    public required IncidentAccessService Access { get; init; }

    [Inject]
    public required ReviewService ReviewService { get; init; }

    [Inject]
    public required UiFeedback Feedback { get; init; }

    [CascadingParameter]
    public ViewerClock Clock { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        // The viewer's clock is a cascading parameter too: only a new incident number is a new visit.
        if (_shownNumber == Number)
        {
            return;
        }

        _shownNumber = Number;
        await LoadAsync();
        if (_review is not null)
        {
            Watch(_review.Incident.Id);
            // Someone not on a private incident (an admin, someone let in) reading its review goes in its access log.
            await Access.RecordViewAsync(await CurrentUser.GetActorAsync(), _review.Incident.Id);
        }
    }

    protected override Task OnLiveChangeAsync(IncidentChange change) => LoadAsync();

    private async Task LoadAsync()
    {
        _actor = await CurrentUser.GetActorAsync();
        _review = await Reviews.GetReviewAsync(_actor, Number);
        _loaded = true;
    }

    private async Task StartAsync()
    {
        _busy = true;
        if (await Feedback.RunAsync(() => ReviewService.StartAsync(_actor, _review!.Incident.Id), success: "Review started, pre-filled from the incident."))
        {
            await LoadAsync();
        }

        _busy = false;
    }
}
