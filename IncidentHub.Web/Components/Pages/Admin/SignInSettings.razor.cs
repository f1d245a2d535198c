using IncidentHub.Core.Users.SingleSignOn;
using IncidentHub.Web.Auth;
using IncidentHub.Web.Auth.Sso;
using IncidentHub.Web.Components.Shared;
using IncidentHub.Web.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.Admin;

/// <summary>/admin/sign-in: single sign-on's set-up as configured, password sign-in on or off, the account audit. Rules live in <see cref="SingleSignOnService"/>.</summary>
public sealed partial class SignInSettings
{
    private SignInOverview? _overview;
    private bool _loadFailed;
    private bool _busy;

    [Inject]
    public required SingleSignOnService SingleSignOn { get; init; }

    [Inject]
    public required IOptions<OidcSettings> Settings { get; init; }

    [Inject]
    public required CurrentUser CurrentUser { get; init; }

    [Inject]
    public required UiFeedback Feedback { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required BrowserTimeZone TimeZone { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    private DateTimeOffset Now => Time.GetUtcNow();

    private string GroupsClaim => Settings.Value.GroupsClaim;

    private string RoleRule => _overview!.RoleMap.MapsGroups
        ? "at every sign-in the role follows the person's groups below (the most powerful wins), so a change at the provider applies at their next sign-in. A change made on the Users page lasts until then."
        : "no groups are mapped, so roles are set on the Users page and sign-in never changes them.";

    private string DefaultText => _overview!.RoleMap.DefaultRole switch
    {
        SsoDefaultRole.None => "Not let in",
        var role => $"{role} (the default role)",
    };

    private static string Groups(IReadOnlyCollection<string> groups) => groups.Count == 0 ? "none" : string.Join(", ", groups);

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _loadFailed = false;
        SignInOverview? overview = null;
        var ok = await Feedback.RunAsync(async () => overview = await SingleSignOn.GetOverviewAsync(await CurrentUser.GetActorAsync()));
        if (ok && overview is not null)
        {
            _overview = overview;
        }
        else if (_overview is null)
        {
            _loadFailed = true;
        }
    }

    private async Task SetAsync(bool allowed)
    {
        if (!allowed)
        {
            var confirmed = await ConfirmDialog.AskAsync(
                Dialogs,
                "Turn password sign-in off?",
                $"Everyone, admins included, will sign in with {_overview!.ProviderName} only. Open sessions carry on. You can turn it back on here.",
                "Turn it off",
                Color.Error);
            if (!confirmed)
            {
                return;
            }
        }

        _busy = true;
        await Feedback.RunAsync(
            async () => await SingleSignOn.SetPasswordSignInAsync(await CurrentUser.GetActorAsync(), allowed),
            success: allowed ? "Password sign-in is on again." : $"Password sign-in is off: people sign in with {_overview!.ProviderName}.");
        _busy = false;
        await LoadAsync();
    }
}
