using IncidentHub.Core.Incidents;
using MudBlazor;

namespace IncidentHub.Web.Components.Pages.Resolution;

/// <summary>Opens the dialog that ends an incident (resolve, close, decline), from the status menu or the update box.</summary>
public static class ClosingDialogs
{
    /// <returns>True when the incident was ended.</returns>
    public static async Task<bool> ShowAsync(IDialogService dialogs, IncidentDetail incident, IncidentStatus target, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(incident);
        var parameters = new DialogParameters<ClosingDialog>
        {
            { d => d.Incident, incident },
            { d => d.Target, target },
            { d => d.Message, message },
        };
        var title = target switch
        {
            IncidentStatus.Closed => $"Close {incident.Reference}",
            IncidentStatus.Declined => $"Decline {incident.Reference}: not an incident after all",
            _ => $"Resolve {incident.Reference}",
        };
        var dialog = await dialogs.ShowAsync<ClosingDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true, BackdropClick = false });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
