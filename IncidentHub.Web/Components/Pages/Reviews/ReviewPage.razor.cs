using IncidentHub.Core.Access;
using IncidentHub.Core.Live;
using IncidentHub.Core.Reviews;
using Microsoft.AspNetCore.Components;

namespace IncidentHub.Web.Components.Pages.Reviews;

/// <summary>The review of a resolved or closed incident: durations, key events, updates, actions, roles.</summary>
public partial class ReviewPage
{
    private IncidentReview? _review;
    private bool _loaded;

    [Parameter]
    public int Number { get; set; }

    [Inject]
    public required ReviewQueries Reviews { get; init; }

    [Inject]
    public required IncidentHub.Web.Auth.CurrentUser CurrentUser { get; init; }

    [Inject]
    public required IncidentAccessService Access { get; init; }

    protected override async Task OnParametersSetAsync()
    {
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
        _review = await Reviews.GetReviewAsync(await CurrentUser.GetActorAsync(), Number);
        _loaded = true;
    }

    private static string BasisText(DurationBasis basis) => basis switch
    {
        DurationBasis.ImpactStarted => "Durations are measured from when impact started.",
        DurationBasis.Detected => "Impact start was not recorded, so durations are measured from detection. Set it on the incident's key times for a truer picture.",
        _ => "Not enough key times are recorded to measure durations.",
    };
}
