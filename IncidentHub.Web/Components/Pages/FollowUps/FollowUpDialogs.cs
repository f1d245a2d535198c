using IncidentHub.Web.Components.Pages.Reviews;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.FollowUps;

/// <summary>The one way to ask why a follow-up is not being done.</summary>
public static class FollowUpDialogs
{
    public static async Task AskReasonAsync(IDialogService dialogs, string title, Func<string, Task<bool>> drop)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<ReviewTextDialog>
        {
            { d => d.Intro, $"\"{title}\" stays on the list as not doing, with your reason, so nobody wonders later." },
            { d => d.Label, "Why is it not being done?" },
            { d => d.ButtonText, "Not doing it" },
            { d => d.RequiredMessage, "Say why it is not being done." },
            { d => d.Submit, drop },
        };
        var dialog = await dialogs.ShowAsync<ReviewTextDialog>("Not doing this", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
        await dialog.Result;
    }
}
