using MudBlazor;

namespace IncidentHub.Web.Components.Layout;

public static class AppTheme
{
    private static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#7b1fa2",
            AppbarBackground = "#1f2a5a",
            AppbarText = "#ffffff",
            Background = "#f5f6fa",
            DrawerBackground = "#ffffff",
            Error = "#c62828",
            Warning = "#b85c00",
            Info = "#1565c0",
            Success = "#2e7d32",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts },
            H2 = new H2Typography { FontFamily = SystemFonts },
            H3 = new H3Typography { FontFamily = SystemFonts },
            H4 = new H4Typography { FontFamily = SystemFonts, FontSize = "1.75rem", FontWeight = "600" },
            H5 = new H5Typography { FontFamily = SystemFonts, FontSize = "1.35rem", FontWeight = "600" },
            H6 = new H6Typography { FontFamily = SystemFonts, FontSize = "1.1rem", FontWeight = "600" },
            Body1 = new Body1Typography { FontFamily = SystemFonts },
            Body2 = new Body2Typography { FontFamily = SystemFonts },
            Button = new ButtonTypography { FontFamily = SystemFonts, TextTransform = "none", FontWeight = "600" },
            Caption = new CaptionTypography { FontFamily = SystemFonts },
            Subtitle1 = new Subtitle1Typography { FontFamily = SystemFonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = SystemFonts },
            Overline = new OverlineTypography { FontFamily = SystemFonts },
        },
    };
}
