using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Auth;

/// <summary>
/// <c>Sessions:*</c>: how long a sign-in lasts. Without "Keep me signed in" the cookie ends with the browser and after
/// <see cref="IdleTimeout"/> without a visit; with it, after <see cref="KeepSignedInFor"/> without a visit. Either way
/// every session ends <see cref="AbsoluteLifetime"/> after the password was typed, however active it was.
/// </summary>
public sealed class SessionSettings
{
    public const string SectionName = "Sessions";

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    public TimeSpan KeepSignedInFor { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>Stops start-up on session lengths that cannot work, naming the setting.</summary>
public sealed class SessionSettingsValidator : IValidateOptions<SessionSettings>
{
    public ValidateOptionsResult Validate(string? name, SessionSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.IdleTimeout < TimeSpan.FromMinutes(1))
        {
            errors.Add("Sessions:IdleTimeout must be at least a minute, for example 08:00:00.");
        }

        if (options.KeepSignedInFor < options.IdleTimeout)
        {
            errors.Add("Sessions:KeepSignedInFor must be at least Sessions:IdleTimeout, for example 14.00:00:00.");
        }

        if (options.AbsoluteLifetime < options.KeepSignedInFor)
        {
            errors.Add("Sessions:AbsoluteLifetime must be at least Sessions:KeepSignedInFor, for example 30.00:00:00.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
