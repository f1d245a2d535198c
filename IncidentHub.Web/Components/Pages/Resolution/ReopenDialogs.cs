using IncidentHub.Core.Incidents;
using IncidentHub.Core.Resolution;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.Resolution;

/// <summary>Opens the reopen dialog when the plan asks first (the status page says it is fixed), from the status menu or the update box.</summary>
public static class ReopenDialogs
{
    /// <returns>Null when the plan asks nothing (reopen as a plain status change); otherwise whether it was reopened.</returns>
    public static async Task<bool?> ShowIfAskedAsync(IDialogService dialogs, IncidentDetail incident, ReopenPlan? plan, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(incident);
        if (plan is not { AsksFirst: true })
        {
            return null;
        }

        var parameters = new DialogParameters<ReopenDialog>
        {
            { d => d.Incident, incident },
            { d => d.Plan, plan },
            { d => d.Message, message },
        };
        var dialog = await dialogs.ShowAsync<ReopenDialog>($"Reopen {incident.Reference}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true, BackdropClick = false });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
