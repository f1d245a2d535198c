using IncidentHub.Core.Reviews;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.Admin;

/// <summary>/admin/review-template: the sections new reviews start with. Rules live in <see cref="ReviewTemplateService"/>.</summary>
public sealed partial class ReviewTemplate
{
    private static readonly DialogOptions FormDialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, BackdropClick = false };

    private IReadOnlyList<ReviewTemplateSectionView>? _sections;
    private bool _busy;

    [Inject]
    public required ReviewTemplateService Service { get; init; }

    [Inject]
    public required CurrentUser CurrentUser { get; init; }

    [Inject]
    public required UiFeedback Feedback { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    private List<ReviewTemplateSectionView> Active => [.. (_sections ?? []).Where(s => !s.IsArchived)];

    private List<ReviewTemplateSectionView> Archived => [.. (_sections ?? []).Where(s => s.IsArchived)];

    protected override Task OnInitializedAsync() => LoadAsync();

    internal static string PrefillText(ReviewPrefill prefill) => prefill switch
    {
        ReviewPrefill.Summary => "Starts with the summary, the durations, who held which role and how the cadence was kept.",
        ReviewPrefill.CustomerImpact => "Starts with the customer impact written during the incident.",
        ReviewPrefill.Timeline => "Starts with the key events and the updates, in order.",
        ReviewPrefill.FollowUps => "Starts with the incident's actions.",
        _ => "Starts empty, with the guidance shown.",
    };

    private async Task LoadAsync()
    {
        IReadOnlyList<ReviewTemplateSectionView>? sections = null;
        if (await Feedback.RunAsync(async () => sections = await Service.GetAllAsync(includeArchived: true)))
        {
            _sections = sections;
        }
    }

    private Task AddAsync() => OpenAsync("Add a section", []);

    private Task EditAsync(ReviewTemplateSectionView section) =>
        OpenAsync($"Edit {section.Name}", new DialogParameters<ReviewTemplateSectionDialog> { { d => d.Existing, section } });

    private async Task OpenAsync(string title, DialogParameters<ReviewTemplateSectionDialog> parameters)
    {
        var dialog = await Dialogs.ShowAsync<ReviewTemplateSectionDialog>(title, parameters, FormDialog);
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private async Task MoveAsync(ReviewTemplateSectionView section, int by)
    {
        _busy = true;
        await Feedback.RunAsync(async () => await Service.MoveAsync(await CurrentUser.GetActorAsync(), section.Id, section.Version, by));
        await LoadAsync();
        _busy = false;
    }

    private async Task SetArchivedAsync(ReviewTemplateSectionView section, bool archived)
    {
        _busy = true;
        await Feedback.RunAsync(async () => await Service.SetArchivedAsync(await CurrentUser.GetActorAsync(), section.Id, archived),
            success: archived ? $"{section.Name} removed from the template; reviews already started keep it." : $"{section.Name} restored.");
        await LoadAsync();
        _busy = false;
    }
}
