using IncidentHub.Core.Common;
using Microsoft.JSInterop;

namespace IncidentHub.Web.Time;

/// <summary>
/// The viewer's time zone, read from the browser once per circuit. Until it is known, times show in UTC with the zone
/// named, never silently wrong.
/// </summary>
public sealed class BrowserTimeZone(IJSRuntime js)
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool IsKnown { get; private set; }

    public event Action? Changed;

    /// <summary>Call after the first interactive render.</summary>
    public async Task DetectAsync()
    {
        if (IsKnown)
        {
            return;
        }

        try
        {
            var id = await js.InvokeAsync<string>("incidentHub.timeZone");
            Zone = TimeDisplay.FindZone(id);
            IsKnown = true;
            Changed?.Invoke();
        }
        catch (JSDisconnectedException)
        {
            // The browser left before answering.
        }
        catch (JSException)
        {
            IsKnown = true;
        }
    }
}
