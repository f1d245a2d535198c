using System.ComponentModel.DataAnnotations;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Users.SingleSignOn;

/// <summary>
/// Signing in through the organisation's identity provider: the account it names is found (by the provider's subject,
/// then once by email), created at the first sign-in with the role its groups give (<see cref="SsoRoleRules"/>), and
/// its role follows the provider's groups at every later sign-in. A deactivated account is refused. Every creation,
/// link, role change and refusal is a line of the account audit an admin reads.
/// </summary>
public sealed partial class SingleSignOnService(
    IServiceScopeFactory scopes,
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    SsoConfiguration configuration,
    TimeProvider time,
    ILogger<SingleSignOnService> logger)
{
    /// <summary>The login provider name under which accounts keep the provider's subject (Identity's user logins).</summary>
    public const string LoginProvider = "oidc";

    /// <summary>The message the sign-in page shows for a refusal.</summary>
    public string Describe(SsoRefusal refusal) => refusal switch
    {
        SsoRefusal.Deactivated => Deactivated,
        SsoRefusal.NoEmail => NoEmail,
        SsoRefusal.NotLetIn => NotLetIn,
        SsoRefusal.LinkedElsewhere => LinkedElsewhere,
        _ => $"Signing in with {configuration.DisplayName} did not work: its answer was cancelled or could not be trusted. Try again, or ask an IncidentHub admin if it keeps happening.",
    };

    public string Deactivated => $"Your IncidentHub account has been deactivated, so you cannot sign in with {configuration.DisplayName}. Ask an IncidentHub admin if that is a mistake.";

    public string NoEmail => $"{configuration.DisplayName} did not say which email address you have, so IncidentHub cannot tell who you are. Ask an IncidentHub admin to check the single sign-on set-up (the email scope and claim).";

    public string NotLetIn => $"Your {configuration.DisplayName} account is in none of the groups that may use IncidentHub. Ask an IncidentHub admin to add you to one.";

    public string LinkedElsewhere => $"The IncidentHub account with your email address is already linked to another {configuration.DisplayName} account. Ask an IncidentHub admin.";

    public string PasswordSignInOff => $"Password sign-in is turned off here. Use \"Sign in with {configuration.DisplayName}\".";

    public static string NoSsoAdmin(string provider) =>
        $"No active admin has signed in with {provider} yet, so turning password sign-in off could lock every admin out. Sign in once with {provider} as an admin (a member of an admin group) first.";

    public async Task<SsoSignInResult> SignInAsync(SsoLogin login, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(login);
        if (!configuration.Enabled)
        {
            throw new DomainException("Single sign-on is not configured.");
        }

        if (string.IsNullOrWhiteSpace(login.Subject))
        {
            return SsoSignInResult.Refused(SsoRefusal.NoEmail);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<IncidentHubDbContext>();
        var provider = configuration.DisplayName;
        var user = await users.FindByLoginAsync(LoginProvider, login.Subject);
        if (user is null)
        {
            var email = EmailOf(login);
            if (email is null)
            {
                await AuditAsync(db, null, AccountEventKind.SignInRefused, $"A sign-in with {provider} was refused: the provider sent no email address (subject {login.Subject}).");
                return SsoSignInResult.Refused(SsoRefusal.NoEmail);
            }

            user = await users.FindByEmailAsync(email);
            if (user is not null)
            {
                if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == LoginProvider))
                {
                    await AuditAsync(db, user.Id, AccountEventKind.SignInRefused, $"{user.DisplayName} ({email}): a sign-in with {provider} as another {provider} account (subject {login.Subject}) was refused.");
                    return SsoSignInResult.Refused(SsoRefusal.LinkedElsewhere);
                }

                if (!user.IsActive)
                {
                    return await RefuseDeactivatedAsync(db, user);
                }

                Check(await users.AddLoginAsync(user, new UserLoginInfo(LoginProvider, login.Subject, provider)));
                await AuditAsync(db, user.Id, AccountEventKind.LinkedAtSignIn, $"{user.DisplayName} ({email}) signed in with {provider} for the first time; the existing account was linked to it.");
            }
            else
            {
                return await CreateAsync(users, db, login, email);
            }
        }

        if (!user.IsActive)
        {
            return await RefuseDeactivatedAsync(db, user);
        }

        var decision = SsoRoleRules.Decide(configuration.RoleMap, login.Groups, user.Role);
        if (decision.Role is not { } role)
        {
            await AuditAsync(db, user.Id, AccountEventKind.SignInRefused, $"{user.DisplayName} ({user.Email}) was refused at sign-in with {provider}: {decision.Reason}.");
            return SsoSignInResult.Refused(SsoRefusal.NotLetIn);
        }

        if (role != user.Role)
        {
            if (user.Role == AppRole.Admin && await IsLastActiveAdminAsync(user.Id, cancellationToken))
            {
                await AuditAsync(db, user.Id, AccountEventKind.RoleKeptAtSignIn,
                    $"{user.DisplayName} ({user.Email}) stays an Admin: {provider} would make them {A(role)} ({decision.Reason}), but they are the last active admin.");
            }
            else
            {
                var before = user.Role;
                user.Role = role;
                Check(await users.UpdateAsync(user));
                // Other sessions of this person end at their next check, so the new role applies everywhere.
                await users.UpdateSecurityStampAsync(user);
                await AuditAsync(db, user.Id, AccountEventKind.RoleChangedAtSignIn,
                    $"{user.DisplayName} ({user.Email}) is now {A(role)}, was {A(before)}: set by {provider} at sign-in ({decision.Reason}).");
                LogRoleChanged(logger, user.Id, before, role);
            }
        }

        return SsoSignInResult.SignedIn(user.Id);
    }

    /// <summary>Whether people may sign in with a password: yes unless single sign-on is configured and an admin turned it off.</summary>
    public async Task<bool> IsPasswordSignInAllowedAsync(CancellationToken cancellationToken = default)
    {
        if (!configuration.Enabled)
        {
            return true;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Installation.AnyAsync(i => i.PasswordSignInDisabled, cancellationToken);
    }

    /// <summary>
    /// Turns password sign-in off or on (admins). Turning it off is refused while single sign-on is not configured, and
    /// while no active admin has ever signed in through it: someone must still be able to get in as an admin.
    /// </summary>
    public async Task SetPasswordSignInAsync(Actor actor, bool allowed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var installation = await db.Installation.SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("IncidentHub is not set up yet.");
        if (installation.PasswordSignInDisabled == !allowed)
        {
            return;
        }

        if (!allowed)
        {
            if (!configuration.Enabled)
            {
                throw new DomainException("Single sign-on is not configured (Authentication:Oidc), so password sign-in must stay on.");
            }

            var ssoAdmins = await SsoAdminsQuery(db).CountAsync(cancellationToken);
            if (ssoAdmins == 0)
            {
                throw new DomainException(NoSsoAdmin(configuration.DisplayName));
            }
        }

        installation.PasswordSignInDisabled = !allowed;
        db.AccountEvents.Add(new AccountEvent(actor.UserId, AccountEventKind.PasswordSignInChanged,
            allowed ? $"{actor.DisplayName} turned password sign-in back on." : $"{actor.DisplayName} turned password sign-in off: people sign in with {configuration.DisplayName} only.",
            time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        LogPasswordSignIn(logger, allowed, actor.UserId);
    }

    /// <summary>What the admin page shows: the setting, the admins who can sign in through the provider, the recent audit.</summary>
    public async Task<SignInOverview> GetOverviewAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var disabled = await db.Installation.AnyAsync(i => i.PasswordSignInDisabled, cancellationToken);
        var admins = await SsoAdminsQuery(db).OrderBy(u => u.DisplayName).Select(u => new UserRef(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        var linked = await db.UserLogins.CountAsync(l => l.LoginProvider == LoginProvider, cancellationToken);
        var events = await db.AccountEvents.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Take(SignInOverview.RecentLines)
            .Select(e => new AccountEventLine(e.Id, e.Kind, e.Text, e.At))
            .ToListAsync(cancellationToken);
        return new SignInOverview(configuration.Enabled, configuration.DisplayName, configuration.RoleMap,
            configuration.Enabled && disabled, disabled && !configuration.Enabled, admins, linked, events);
    }

    private IQueryable<AppUser> SsoAdminsQuery(IncidentHubDbContext db) =>
        db.Users.Where(u => u.IsActive && u.Role == AppRole.Admin
            && db.UserLogins.Any(l => l.UserId == u.Id && l.LoginProvider == LoginProvider));

    private async Task<SsoSignInResult> CreateAsync(UserManager<AppUser> users, IncidentHubDbContext db, SsoLogin login, string email)
    {
        var provider = configuration.DisplayName;
        var decision = SsoRoleRules.Decide(configuration.RoleMap, login.Groups, currentRole: null);
        if (decision.Role is not { } role)
        {
            await AuditAsync(db, null, AccountEventKind.SignInRefused, $"{email} was refused at a first sign-in with {provider}: {decision.Reason}.");
            return SsoSignInResult.Refused(SsoRefusal.NotLetIn);
        }

        var name = string.IsNullOrWhiteSpace(login.DisplayName) ? email : login.DisplayName.Trim();
        var cut = name.Length > TextLimits.PersonName;
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = cut ? name[..TextLimits.PersonName] : name,
            Role = role,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded && created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
        {
            // Two first sign-ins of one person at once: the other one created the account; sign in as it.
            return await users.FindByLoginAsync(LoginProvider, login.Subject) is { IsActive: true } other
                ? SsoSignInResult.SignedIn(other.Id)
                : SsoSignInResult.Refused(SsoRefusal.LinkedElsewhere);
        }

        Check(created);
        Check(await users.AddLoginAsync(user, new UserLoginInfo(LoginProvider, login.Subject, provider)));
        await AuditAsync(db, user.Id, AccountEventKind.CreatedAtSignIn,
            $"{user.DisplayName} ({email}) signed in with {provider} for the first time and got an account as {A(role)} ({decision.Reason})."
            + (cut ? $" Their name from {provider} was {name.Length} characters long and was cut to {TextLimits.PersonName}." : ""));
        LogCreated(logger, user.Id, role);
        return SsoSignInResult.SignedIn(user.Id);
    }

    private async Task<SsoSignInResult> RefuseDeactivatedAsync(IncidentHubDbContext db, AppUser user)
    {
        await AuditAsync(db, user.Id, AccountEventKind.SignInRefused, $"{user.DisplayName} ({user.Email}) tried to sign in with {configuration.DisplayName}, but the account is deactivated.");
        LogRefusedDeactivated(logger, user.Id);
        return SsoSignInResult.Refused(SsoRefusal.Deactivated);
    }

    private static string A(AppRole role) => role == AppRole.Admin ? "an Admin" : $"a {role}";

    private static string? EmailOf(SsoLogin login)
    {
        var email = login.Email?.Trim();
        return !string.IsNullOrEmpty(email) && email.Length <= NewUserForm.EmailMax && new EmailAddressAttribute().IsValid(email) ? email : null;
    }

    private async Task<bool> IsLastActiveAdminAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Users.AnyAsync(u => u.Id != userId && u.Role == AppRole.Admin && u.IsActive, cancellationToken);
    }

    private async Task AuditAsync(IncidentHubDbContext db, string? userId, AccountEventKind kind, string text)
    {
        db.AccountEvents.Add(new AccountEvent(userId, kind, text, time.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException("The account could not be saved: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created at a first single sign-on with role {Role}")]
    private static partial void LogCreated(ILogger logger, string userId, AppRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} now has role {Role} (was {Before}), set by the identity provider at sign-in")]
    private static partial void LogRoleChanged(ILogger logger, string userId, AppRole before, AppRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Single sign-on refused for deactivated user {UserId}")]
    private static partial void LogRefusedDeactivated(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password sign-in allowed: {Allowed} (changed by {ActorId})")]
    private static partial void LogPasswordSignIn(ILogger logger, bool allowed, string actorId);
}

/// <summary>The admin's view of how people sign in.</summary>
public sealed record SignInOverview(
    bool SsoEnabled,
    string ProviderName,
    SsoRoleMap RoleMap,
    bool PasswordSignInOff,
    bool PasswordSignInOffButSsoMissing,
    IReadOnlyList<UserRef> SsoAdmins,
    int LinkedAccounts,
    IReadOnlyList<AccountEventLine> RecentEvents)
{
    public const int RecentLines = 50;
}

public sealed record AccountEventLine(long Id, AccountEventKind Kind, string Text, DateTimeOffset At);
