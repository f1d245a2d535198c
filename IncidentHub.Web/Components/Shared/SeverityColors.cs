using MudBlazor;

namespace IncidentHub.Web.Components.Shared;

public static class SeverityColors
{
    public static Color For(int rank) => rank switch
    {
        >= 3 => Color.Error,
        2 => Color.Warning,
        _ => Color.Info,
    };

    public static string Icon(int rank) => rank switch
    {
        >= 3 => Icons.Material.Filled.Error,
        2 => Icons.Material.Filled.Warning,
        _ => Icons.Material.Filled.Info,
    };
}
