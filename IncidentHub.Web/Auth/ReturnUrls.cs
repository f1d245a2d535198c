namespace IncidentHub.Web.Auth;

public static class ReturnUrls
{
    /// <summary>Only local paths are followed after sign-in; anything else goes to the dashboard.</summary>
    public static string Safe(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl)
        && returnUrl.StartsWith('/')
        && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : "/";
}
