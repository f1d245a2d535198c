using IncidentHub.Core.Common;
using IncidentHub.Core.Users;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.Admin;

/// <summary>/admin/users: people, their account role, deactivation and password resets. Rules live in <see cref="UserAccountService"/>.</summary>
public sealed partial class Users
{
    private static readonly DialogOptions FormDialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, BackdropClick = false };

    private IReadOnlyList<UserSummary>? _people;
    private bool _loadFailed;
    private string _search = "";
    private string? _busyId;
    private Actor? _me;

    // Set when you take away your own admin role: the page then only offers to sign in again.
    private AppRole? _myNewRole;

    // Bumped when a role change is refused or cancelled: rebuilds the pickers so each shows the stored role again.
    private int _generation;

    [Inject]
    public required UserAccountService Accounts { get; init; }

    [Inject]
    public required DirectoryQueries Directory { get; init; }

    [Inject]
    public required CurrentUser CurrentUser { get; init; }

    [Inject]
    public required UiFeedback Feedback { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    private IEnumerable<UserSummary> Visible => (_people ?? [])
        .Where(Matches)
        .OrderByDescending(p => p.IsActive)
        .ThenBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase);

    private string CountText
    {
        get
        {
            var people = _people ?? [];
            var deactivated = people.Count(p => !p.IsActive);
            var total = people.Count == 1 ? "1 person" : $"{people.Count} people";
            return deactivated == 0 ? total : $"{total} · {deactivated} deactivated";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _me = await CurrentUser.TryGetActorAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loadFailed = false;
        IReadOnlyList<UserSummary>? people = null;
        var ok = await Feedback.RunAsync(async () => people = await Directory.GetUsersAsync());
        if (ok && people is not null)
        {
            _people = people;
        }
        else if (_people is null)
        {
            _loadFailed = true;
        }
    }

    private bool Matches(UserSummary person)
    {
        var term = _search.Trim();
        return term.Length == 0
            || person.DisplayName.Contains(term, StringComparison.CurrentCultureIgnoreCase)
            || person.Email.Contains(term, StringComparison.CurrentCultureIgnoreCase)
            || person.Role.ToString().Contains(term, StringComparison.OrdinalIgnoreCase)
            || (!person.IsActive && "deactivated".Contains(term, StringComparison.OrdinalIgnoreCase));
    }

    private void SearchChanged(string? value) => _search = value ?? "";

    private async Task AddAsync()
    {
        var dialog = await Dialogs.ShowAsync<AddUserDialog>("Add a person", FormDialog);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            _search = "";
            await LoadAsync();
        }
    }

    private async Task ChangeRoleAsync(UserSummary person, AppRole role)
    {
        if (role == person.Role)
        {
            return;
        }

        var isMe = person.Id == _me?.UserId;
        if (isMe && person.Role == AppRole.Admin)
        {
            var confirmed = await ConfirmDialog.AskAsync(
                Dialogs,
                "Give up your admin rights?",
                $"You will become a {role}. You will no longer see the settings pages, and you will be asked to sign in again.",
                $"Make me a {role}",
                Color.Error,
                cancelText: "Keep me an admin");
            if (!confirmed)
            {
                _generation++;
                return;
            }
        }

        _busyId = person.Id;
        var ok = await Feedback.RunAsync(
            async () => await Accounts.ChangeRoleAsync(await CurrentUser.GetActorAsync(), person.Id, role),
            success: isMe ? null : $"{person.DisplayName} is now a{(role == AppRole.Admin ? "n" : "")} {role}.");
        _busyId = null;
        if (ok && isMe)
        {
            _myNewRole = role;
            return;
        }

        if (!ok)
        {
            _generation++;
        }

        await LoadAsync();
    }

    private async Task SetActiveAsync(UserSummary person, bool active)
    {
        if (!active)
        {
            var confirmed = await ConfirmDialog.AskAsync(
                Dialogs,
                $"Deactivate {person.DisplayName}?",
                "They can no longer sign in, and any session they have open ends within a minute. "
                    + "Their name stays on the incidents they worked on. You can reactivate them at any time.",
                "Deactivate",
                Color.Error);
            if (!confirmed)
            {
                return;
            }
        }

        _busyId = person.Id;
        await Feedback.RunAsync(
            async () => await Accounts.SetActiveAsync(await CurrentUser.GetActorAsync(), person.Id, active),
            success: active ? $"{person.DisplayName} can sign in again." : $"{person.DisplayName} is deactivated and can no longer sign in.");
        _busyId = null;
        await LoadAsync();
    }

    private async Task ResetPasswordAsync(UserSummary person)
    {
        var parameters = new DialogParameters<ResetPasswordDialog>
        {
            { d => d.Person, person },
            { d => d.IsSelf, person.Id == _me?.UserId },
        };
        await Dialogs.ShowAsync<ResetPasswordDialog>($"Reset password for {person.DisplayName}", parameters, FormDialog);
    }
}
