using IncidentHub.Core.Users;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web;

/// <summary><c>IncidentHub:*</c> settings: where people reach the installation, and the first-run set-up code.</summary>
public sealed class IncidentHubOptions
{
    public const string SectionName = "IncidentHub";

    /// <summary>
    /// The address people open IncidentHub at, e.g. <c>https://incidents.example.com</c>. Links that leave the
    /// request (the status feed, Slack) are built from it; without it they fall back to the request's own address.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The set-up code to ask for at first run instead of a generated one (for example in Docker, where the console is
    /// not at hand). Ignored once the first administrator exists.
    /// </summary>
    public string? SetupCode { get; set; }

    /// <summary>The public address without a trailing slash, or null when none is set.</summary>
    public string? PublicRoot => string.IsNullOrWhiteSpace(PublicUrl) ? null : PublicUrl.Trim().TrimEnd('/');
}

/// <summary>Stops start-up on a setting that cannot work, naming it.</summary>
public sealed class IncidentHubOptionsValidator : IValidateOptions<IncidentHubOptions>
{
    public ValidateOptionsResult Validate(string? name, IncidentHubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.PublicRoot is { } root
            && (!Uri.TryCreate(root, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            errors.Add("IncidentHub:PublicUrl must be an absolute http(s) address without a query, such as https://incidents.example.com.");
        }

        if (!string.IsNullOrWhiteSpace(options.SetupCode) && SetupCodes.Normalize(options.SetupCode).Length < SetupCodes.MinLength)
        {
            errors.Add($"IncidentHub:SetupCode must be at least {SetupCodes.MinLength} letters or digits long (dashes and spaces are ignored).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
