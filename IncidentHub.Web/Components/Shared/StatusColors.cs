using IncidentHub.Core.Incidents;
using MudBlazor;

namespace IncidentHub.Web.Components.Shared;

public static class StatusColors
{
    public static Color For(IncidentStatus status) => status switch
    {
        IncidentStatus.Triage => Color.Secondary,
        IncidentStatus.Investigating => Color.Error,
        IncidentStatus.Fixing => Color.Warning,
        IncidentStatus.Monitoring => Color.Info,
        IncidentStatus.Resolved => Color.Success,
        _ => Color.Default,
    };

    public static Variant Variant(IncidentStatus status) =>
        status is IncidentStatus.Closed or IncidentStatus.Declined ? MudBlazor.Variant.Outlined : MudBlazor.Variant.Text;

    public static string Icon(IncidentStatus status) => status switch
    {
        IncidentStatus.Triage => Icons.Material.Filled.HelpOutline,
        IncidentStatus.Investigating => Icons.Material.Filled.Search,
        IncidentStatus.Fixing => Icons.Material.Filled.Build,
        IncidentStatus.Monitoring => Icons.Material.Filled.Visibility,
        IncidentStatus.Resolved => Icons.Material.Filled.CheckCircle,
        IncidentStatus.Closed => Icons.Material.Filled.Lock,
        _ => Icons.Material.Filled.Block,
    };
}
