using IncidentHub.Core.Roles;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.Admin;

/// <summary>/admin/roles: built-in and custom incident roles. Rules live in <see cref="RoleDefinitionService"/>.</summary>
public sealed partial class IncidentRoles
{
    private static readonly DialogOptions FormDialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, BackdropClick = false };

    private IReadOnlyList<RoleDefinitionView>? _roles;
    private bool _loadFailed;
    private int? _busyId;

    [Inject]
    public required RoleDefinitionService Service { get; init; }

    [Inject]
    public required CurrentUser CurrentUser { get; init; }

    [Inject]
    public required UiFeedback Feedback { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    // The service returns them in their display order (built-ins first, then custom roles as added).
    private IReadOnlyList<RoleDefinitionView> Active => (_roles ?? []).Where(r => !r.IsArchived).ToList();

    private IReadOnlyList<RoleDefinitionView> Archived => (_roles ?? []).Where(r => r.IsArchived).ToList();

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadFailed = false;
        IReadOnlyList<RoleDefinitionView>? roles = null;
        var ok = await Feedback.RunAsync(async () => roles = await Service.GetAllAsync(includeArchived: true));
        if (ok && roles is not null)
        {
            _roles = roles;
        }
        else if (_roles is null)
        {
            _loadFailed = true;
        }
    }

    private Task AddAsync() => OpenDialogAsync("Add an incident role", []);

    private Task EditAsync(RoleDefinitionView role) =>
        OpenDialogAsync($"Edit {role.Name}", new DialogParameters<RoleDialog> { { d => d.Existing, role } });

    private async Task OpenDialogAsync(string title, DialogParameters<RoleDialog> parameters)
    {
        var dialog = await Dialogs.ShowAsync<RoleDialog>(title, parameters, FormDialog);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private async Task SetArchivedAsync(RoleDefinitionView role, bool archived)
    {
        if (archived)
        {
            var confirmed = await ConfirmDialog.AskAsync(
                Dialogs,
                $"Archive {role.Name}?",
                "It will no longer be offered on incidents. Incidents where someone already holds it still show it. You can restore it later.",
                "Archive",
                Color.Warning);
            if (!confirmed)
            {
                return;
            }
        }

        _busyId = role.Id;
        await Feedback.RunAsync(
            async () => await Service.SetArchivedAsync(await CurrentUser.GetActorAsync(), role.Id, archived),
            success: archived ? $"{role.Name} is archived." : $"{role.Name} is back: it can be given to people on incidents again.");
        _busyId = null;
        await LoadAsync();
    }
}
