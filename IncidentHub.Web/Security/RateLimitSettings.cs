using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Security;

/// <summary>
/// <c>RateLimits:*</c>. Sign-in (and first-run set-up) posts are limited per client address and overall, which bounds
/// the password hashing a crowd of guesses can make the server do. The public status endpoints are limited per client
/// address only, high enough for a real spike (many people, or one office behind one address, refreshing during an
/// outage) and low enough to stop one client hammering it.
/// </summary>
public sealed class RateLimitSettings
{
    public const string SectionName = "RateLimits";

    public int SignInPerAddressPerMinute { get; set; } = 20;

    public int SignInPerMinute { get; set; } = 300;

    /// <summary>Sustained requests per client address to /status, /status/summary.json and /status/feed.atom.</summary>
    public int PublicPerAddressPerMinute { get; set; } = 1_200;

    /// <summary>How many of those one address may send at once before the sustained rate applies.</summary>
    public int PublicBurstPerAddress { get; set; } = 300;
}

public sealed class RateLimitSettingsValidator : IValidateOptions<RateLimitSettings>
{
    public ValidateOptionsResult Validate(string? name, RateLimitSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.SignInPerAddressPerMinute < 1 || options.SignInPerMinute < options.SignInPerAddressPerMinute)
        {
            errors.Add("RateLimits:SignInPerAddressPerMinute must be 1 or more, and RateLimits:SignInPerMinute at least as high.");
        }

        if (options.PublicPerAddressPerMinute < 60 || options.PublicBurstPerAddress < 1)
        {
            errors.Add("RateLimits:PublicPerAddressPerMinute must be 60 or more and RateLimits:PublicBurstPerAddress 1 or more.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
