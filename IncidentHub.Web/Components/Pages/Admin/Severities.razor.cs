using IncidentHub.Core.Incidents;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SeverityService = IncidentHub.Core.Severities.SeverityService;

namespace IncidentHub.Web.Components.Pages.Admin;

/// <summary>/admin/severities: the severities responders choose from. Rules live in <see cref="SeverityService"/>.</summary>
public sealed partial class Severities
{
    private static readonly DialogOptions FormDialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, BackdropClick = false };

    private IReadOnlyList<SeverityView>? _severities;
    private bool _loadFailed;
    private int? _busyId;

    [Inject]
    public required IncidentQueries Queries { get; init; }

    [Inject]
    public required SeverityService Service { get; init; }

    [Inject]
    public required CurrentUser CurrentUser { get; init; }

    [Inject]
    public required UiFeedback Feedback { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    // The query returns most severe first; the page keeps that order within each group.
    private IReadOnlyList<SeverityView> Active => (_severities ?? []).Where(s => !s.IsArchived).ToList();

    private IReadOnlyList<SeverityView> Retired => (_severities ?? []).Where(s => s.IsArchived).ToList();

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadFailed = false;
        IReadOnlyList<SeverityView>? severities = null;
        var ok = await Feedback.RunAsync(async () => severities = await Queries.GetSeveritiesAsync(includeArchived: true));
        if (ok && severities is not null)
        {
            _severities = severities;
        }
        else if (_severities is null)
        {
            _loadFailed = true;
        }
    }

    private async Task AddAsync()
    {
        // A convenience, not a rule: start above the most severe so the first save is not refused for a taken rank.
        var suggested = Math.Min(100, Active.Select(s => s.Rank).DefaultIfEmpty(0).Max() + 1);
        var parameters = new DialogParameters<SeverityDialog>
        {
            { d => d.All, _severities ?? [] },
            { d => d.SuggestedRank, suggested },
        };
        await OpenDialogAsync("Add a severity", parameters);
    }

    private async Task EditAsync(SeverityView severity)
    {
        var parameters = new DialogParameters<SeverityDialog>
        {
            { d => d.Existing, severity },
            { d => d.All, _severities ?? [] },
        };
        await OpenDialogAsync($"Edit {severity.Name}", parameters);
    }

    private async Task OpenDialogAsync(string title, DialogParameters<SeverityDialog> parameters)
    {
        var dialog = await Dialogs.ShowAsync<SeverityDialog>(title, parameters, FormDialog);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private async Task SetArchivedAsync(SeverityView severity, bool archived)
    {
        if (archived)
        {
            var confirmed = await ConfirmDialog.AskAsync(
                Dialogs,
                $"Retire {severity.Name}?",
                "Incidents that already use it keep it. New incidents cannot choose it. You can restore it later.",
                "Retire",
                Color.Warning);
            if (!confirmed)
            {
                return;
            }
        }

        _busyId = severity.Id;
        await Feedback.RunAsync(
            async () => await Service.SetArchivedAsync(await CurrentUser.GetActorAsync(), severity.Id, archived),
            success: archived ? $"{severity.Name} is retired." : $"{severity.Name} is back: responders can choose it again.");
        _busyId = null;
        await LoadAsync();
    }
}
