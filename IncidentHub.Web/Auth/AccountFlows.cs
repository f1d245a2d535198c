using IncidentHub.Core.Common;
using IncidentHub.Core.Demo;
using IncidentHub.Core.Users;
using IncidentHub.Core.Users.SingleSignOn;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IncidentHub.Web.Auth;

/// <summary>
/// Signing in and the first-run set-up, for the plain server-rendered account pages (which can set cookies). The pages
/// only show forms and messages; what happens lives here and in Core.
/// </summary>
public sealed partial class AccountFlows(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    UserAccountService accounts,
    PasswordCheck passwords,
    SignInThrottle throttle,
    DemoDataSeeder demo,
    SetupState setup,
    FirstRunCode setupCode,
    DemoPasswordNote demoPasswords,
    SingleSignOnService sso,
    SsoConfiguration ssoConfiguration,
    IOptions<SessionSettings> sessions,
    TimeProvider time,
    ILogger<AccountFlows> logger)
{
    /// <summary>
    /// Signs in with email and password. Every failure costs one password hash and reads the same whether or not the
    /// email has an account; repeated failures for one email from one address wait longer each time (no account lock).
    /// </summary>
    /// <param name="clientAddress">Where the request came from (after trusted proxies), see <see cref="Security.ClientAddress"/>.</param>
    /// <returns>Null when signed in; otherwise the message to show.</returns>
    public async Task<string?> SignInAsync(LoginForm form, string clientAddress)
    {
        ArgumentNullException.ThrowIfNull(form);
        var email = form.Email.Trim();
        if (!await sso.IsPasswordSignInAllowedAsync())
        {
            // Said before any password is checked, the same for every email: it tells nothing about accounts.
            return sso.PasswordSignInOff;
        }

        if (throttle.TryBegin(email, clientAddress) is { } wait)
        {
            LogThrottled(logger, clientAddress);
            return $"Too many failed sign-ins for this email from your network. Try again in {Describe(wait)}.";
        }

        var check = await passwords.CheckAsync(email, form.Password);
        var user = check.UserId is null ? null : await users.FindByIdAsync(check.UserId);
        if (user is null || !await signIn.CanSignInAsync(user))
        {
            throttle.Failed(email, clientAddress);
            return check.Refusal ?? PasswordCheck.Deactivated;
        }

        throttle.Succeeded(email, clientAddress);
        await signIn.SignInAsync(user, SessionLifetime.PropertiesFor(form.RememberMe, sessions.Value, time.GetUtcNow()), "pwd");
        return null;
    }

    /// <summary>Single sign-on as the sign-in page offers it (off unless <c>Authentication:Oidc</c> is configured).</summary>
    public SsoConfiguration SingleSignOn => ssoConfiguration;

    public Task<bool> IsPasswordSignInAllowedAsync() => sso.IsPasswordSignInAllowedAsync();

    /// <summary>The message for the <c>?sso=</c> word the single sign-on endpoints send back, or null for none or an unknown word.</summary>
    public string? SingleSignOnMessage(string? refusal) =>
        ssoConfiguration.Enabled && Enum.TryParse<SsoRefusal>(refusal, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(refusal, out _)
            ? sso.Describe(value)
            : null;

    /// <summary>"Keep me signed in" in words, e.g. "14 days".</summary>
    public string KeepSignedInFor => Describe(sessions.Value.KeepSignedInFor);

    private static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 2 } => $"{Math.Round(span.TotalDays)} days",
        { TotalHours: >= 2 } => $"{Math.Round(span.TotalHours)} hours",
        { TotalMinutes: >= 2 } => $"{Math.Ceiling(span.TotalMinutes)} minutes",
        _ => $"{Math.Max(1, Math.Ceiling(span.TotalSeconds))} seconds",
    };

    public Task<bool> IsSetUpAsync() => setup.IsCompleteAsync();

    /// <summary>
    /// Creates the first administrator, signs them in and, if asked, loads the demo data. The administrator exists and
    /// is signed in whatever happens to the demo data.
    /// </summary>
    /// <returns>Where to go next.</returns>
    /// <exception cref="DomainException">The form was refused (nothing was created).</exception>
    public async Task<string> CompleteFirstRunAsync(FirstRunForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var admin = await accounts.CreateFirstAdminAsync(form, setupCode.Code);
        setup.MarkComplete();
        var user = await users.FindByIdAsync(admin.UserId) ?? throw new InvalidOperationException("The new administrator vanished.");
        await signIn.SignInAsync(user, SessionLifetime.PropertiesFor(keepSignedIn: false, sessions.Value, time.GetUtcNow()), "pwd");
        if (!form.LoadDemoData)
        {
            return "/welcome";
        }

        try
        {
            var result = await demo.SeedAsync(admin);
            if (result is { Loaded: true, Password: { } password })
            {
                demoPasswords.Keep(admin.UserId, password);
                return "/welcome?demo=true";
            }

            return "/welcome";
        }
        catch (Exception ex) when (ex is DomainException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            LogDemoFailed(logger, ex);
            return "/welcome?demoFailed=true";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused without checking the password: too many failures for one email from {ClientAddress}")]
    private static partial void LogThrottled(ILogger logger, string clientAddress);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the demo data failed")]
    private static partial void LogDemoFailed(ILogger logger, Exception exception);
}
