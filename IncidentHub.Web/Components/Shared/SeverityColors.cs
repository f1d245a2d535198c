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

    /// <summary>
    /// Chart colours for severities listed most severe first: the chips' red, amber and blue for the default three, then
    /// distinct colours for any more an admin adds.
    /// </summary>
    public static IReadOnlyList<string> ChartPalette { get; } =
        ["#c62828", "#b85c00", "#1565c0", "#6a1b9a", "#00838f", "#558b2f", "#5d4037", "#455a64"];

    public static string Icon(int rank) => rank switch
    {
        >= 3 => Icons.Material.Filled.Error,
        2 => Icons.Material.Filled.Warning,
        _ => Icons.Material.Filled.Info,
    };
}
