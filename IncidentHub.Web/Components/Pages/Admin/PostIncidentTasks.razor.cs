using IncidentHub.Core.PostIncident;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.Admin;

/// <summary>/admin/post-incident-tasks: the tasks resolved incidents get. Rules live in <see cref="PostIncidentTaskService"/>.</summary>
public sealed partial class PostIncidentTasks
{
    private static readonly DialogOptions FormDialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, BackdropClick = false };

    private IReadOnlyList<PostIncidentTaskDefinitionView>? _definitions;
    private bool _busy;

    [Inject]
    public required PostIncidentTaskService Service { get; init; }

    [Inject]
    public required CurrentUser CurrentUser { get; init; }

    [Inject]
    public required UiFeedback Feedback { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    private List<PostIncidentTaskDefinitionView> Active => [.. (_definitions ?? []).Where(d => !d.IsArchived)];

    private List<PostIncidentTaskDefinitionView> Archived => [.. (_definitions ?? []).Where(d => d.IsArchived)];

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>"Owned by the Incident Lead · due 2 days after the resolution · Major and Critical incidents".</summary>
    internal static string RuleText(PostIncidentTaskDefinitionView definition)
    {
        var severities = definition.SeverityNames.Count switch
        {
            0 => "no incident gets it yet (choose severities)",
            1 => $"{definition.SeverityNames[0]} incidents",
            _ => $"{string.Join(", ", definition.SeverityNames.Take(definition.SeverityNames.Count - 1))} and {definition.SeverityNames[^1]} incidents",
        };
        return $"Owned by the {definition.OwnerRoleName} · due {definition.DueAfterText} after the resolution · {severities}";
    }

    private async Task LoadAsync()
    {
        IReadOnlyList<PostIncidentTaskDefinitionView>? definitions = null;
        if (await Feedback.RunAsync(async () => definitions = await Service.GetDefinitionsAsync(includeArchived: true)))
        {
            _definitions = definitions;
        }
    }

    private Task AddAsync() => OpenAsync("Add a post-incident task", []);

    private Task EditAsync(PostIncidentTaskDefinitionView definition) =>
        OpenAsync($"Edit {definition.Name}", new DialogParameters<PostIncidentTaskDialog> { { d => d.Existing, definition } });

    private async Task OpenAsync(string title, DialogParameters<PostIncidentTaskDialog> parameters)
    {
        var dialog = await Dialogs.ShowAsync<PostIncidentTaskDialog>(title, parameters, FormDialog);
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private async Task MoveAsync(PostIncidentTaskDefinitionView definition, int by)
    {
        _busy = true;
        await Feedback.RunAsync(async () => await Service.MoveDefinitionAsync(await CurrentUser.GetActorAsync(), definition.Id, definition.Version, by));
        await LoadAsync();
        _busy = false;
    }

    private async Task SetArchivedAsync(PostIncidentTaskDefinitionView definition, bool archived)
    {
        _busy = true;
        await Feedback.RunAsync(async () => await Service.SetDefinitionArchivedAsync(await CurrentUser.GetActorAsync(), definition.Id, archived),
            success: archived ? $"{definition.Name} removed; incidents already resolved keep it." : $"{definition.Name} restored.");
        await LoadAsync();
        _busy = false;
    }
}
