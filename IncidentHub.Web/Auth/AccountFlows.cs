using IncidentHub.Core.Common;
using IncidentHub.Core.Demo;
using IncidentHub.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace IncidentHub.Web.Auth;

/// <summary>
/// Signing in and the first-run set-up, for the plain server-rendered account pages (which can set cookies). The pages
/// only show forms and messages; what happens lives here and in Core.
/// </summary>
public sealed partial class AccountFlows(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    UserAccountService accounts,
    DemoDataSeeder demo,
    SetupState setup,
    DemoPasswordNote demoPasswords,
    ILogger<AccountFlows> logger)
{
    /// <returns>Null when signed in; otherwise the message to show.</returns>
    public async Task<string?> SignInAsync(LoginForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        const string NoMatch = "That email and password do not match an account.";
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is null)
        {
            return NoMatch;
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
        return result switch
        {
            { Succeeded: true } => null,
            { IsLockedOut: true } => "Too many wrong passwords. Wait five minutes and try again.",
            // Say "deactivated" only to someone who knows the password, so the page never reveals which accounts exist.
            { IsNotAllowed: true } when await users.CheckPasswordAsync(user, form.Password) =>
                "This account has been deactivated. Ask an admin if that is a mistake.",
            _ => NoMatch,
        };
    }

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
        var admin = await accounts.CreateFirstAdminAsync(form);
        setup.MarkComplete();
        var user = await users.FindByIdAsync(admin.UserId) ?? throw new InvalidOperationException("The new administrator vanished.");
        await signIn.SignInAsync(user, isPersistent: true);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the demo data failed")]
    private static partial void LogDemoFailed(ILogger logger, Exception exception);
}
