using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentHub.Core.Users;

/// <summary>
/// Accounts: the first administrator, adding people, changing their role, deactivating them. Identity's
/// <see cref="UserManager{TUser}"/> is resolved in a fresh scope per operation (it holds a DbContext).
/// </summary>
public sealed partial class UserAccountService(
    IServiceScopeFactory scopes,
    IDbContextFactory<IncidentHubDbContext> dbFactory,
    TimeProvider time,
    ILogger<UserAccountService> logger)
{
    public const string AlreadySetUp = "IncidentHub is already set up. Sign in instead.";

    public const string WrongSetupCode =
        "That is not this installation's set-up code. It is printed in the console where IncidentHub started, beside the address (or set in IncidentHub__SetupCode).";

    /// <summary>
    /// Creates the first administrator, when <paramref name="form"/> carries the installation's set-up code. Refused
    /// once anyone has an account. Atomic: of several set-ups racing on a fresh database, exactly one creates an
    /// administrator and the others are told the installation is already set up.
    /// </summary>
    public async Task<Actor> CreateFirstAdminAsync(FirstRunForm form, string setupCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentException.ThrowIfNullOrEmpty(setupCode);
        RequestValidator.Validate(form);
        if (!SetupCodes.Matches(setupCode, form.SetupCode))
        {
            LogWrongSetupCode(logger);
            throw ValidationFailedException.For(nameof(form.SetupCode), WrongSetupCode);
        }

        await using var scope = scopes.CreateAsyncScope();
        // The scoped context is the one Identity's store saves through, so the claim and the account share a transaction.
        var db = scope.ServiceProvider.GetRequiredService<IncidentHubDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = NewUser(form.DisplayName, form.Email, AppRole.Admin);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            // SQLite: BEGIN IMMEDIATE, so racing set-ups queue here. SQL Server: the claim's key decides below.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.Users.AnyAsync(ct))
            {
                throw new DomainException(AlreadySetUp);
            }

            db.Installation.Add(new Installation(user.Id, time.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                throw new DomainException(AlreadySetUp);
            }

            Check(await users.CreateAsync(user, form.Password), nameof(form.Password), form.Email);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        LogFirstAdmin(logger, user.Id);
        return user.ToActor();
    }

    public async Task<string> CreateUserAsync(Actor actor, NewUserForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        actor.EnsureAdmin();
        RequestValidator.Validate(form);
        var user = await CreateAsync(form.DisplayName, form.Email, form.Password, form.Role, nameof(form.Password));
        LogUserCreated(logger, user.Id, form.Role, actor.UserId);
        return user.Id;
    }

    public async Task ChangeRoleAsync(Actor actor, string userId, AppRole role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await WithUserAsync(userId, async (users, user) =>
        {
            if (user.Role == role)
            {
                return;
            }

            if (user.Role == AppRole.Admin && await IsLastActiveAdminAsync(user, cancellationToken))
            {
                throw new DomainException("This is the last active admin. Make someone else an admin first.");
            }

            user.Role = role;
            Check(await users.UpdateAsync(user), "Role");
            // Signs the person out of other sessions at the next check so the new role applies everywhere.
            await users.UpdateSecurityStampAsync(user);
            LogRoleChanged(logger, user.Id, role, actor.UserId);
        });
    }

    public async Task SetActiveAsync(Actor actor, string userId, bool active, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.EnsureAdmin();
        await WithUserAsync(userId, async (users, user) =>
        {
            if (user.IsActive == active)
            {
                return;
            }

            if (!active && user.Id == actor.UserId)
            {
                throw new DomainException("You cannot deactivate your own account.");
            }

            if (!active && user.Role == AppRole.Admin && await IsLastActiveAdminAsync(user, cancellationToken))
            {
                throw new DomainException("This is the last active admin. Make someone else an admin first.");
            }

            user.IsActive = active;
            Check(await users.UpdateAsync(user), "IsActive");
            await users.UpdateSecurityStampAsync(user);
        });
    }

    public async Task ResetPasswordAsync(Actor actor, string userId, ResetPasswordForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        actor.EnsureAdmin();
        RequestValidator.Validate(form);
        await WithUserAsync(userId, async (users, user) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, form.Password), nameof(form.Password));
        });
    }

    /// <summary>Creates an account without an admin actor: for the demo data set only.</summary>
    internal async Task<AppUser> CreateAsync(string displayName, string email, string password, AppRole role, string passwordField)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = NewUser(displayName, email, role);
        Check(await users.CreateAsync(user, password), passwordField, email);
        return user;
    }

    private static AppUser NewUser(string displayName, string email, AppRole role) => new()
    {
        UserName = email.Trim(),
        Email = email.Trim(),
        EmailConfirmed = true,
        DisplayName = displayName.Trim(),
        Role = role,
    };

    private static void Check(IdentityResult result, string passwordField, string email)
    {
        if (!result.Succeeded && result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
        {
            throw ValidationFailedException.For("Email", $"{email.Trim()} already has an account.");
        }

        Check(result, passwordField);
    }

    private async Task WithUserAsync(string userId, Func<UserManager<AppUser>, AppUser, Task> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("That account no longer exists.");
        await change(users, user);
    }

    private async Task<bool> IsLastActiveAdminAsync(AppUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == AppRole.Admin && u.IsActive, cancellationToken);
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [field] = result.Errors.Select(e => e.Description).ToArray(),
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "First administrator {UserId} created")]
    private static partial void LogFirstAdmin(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "First-run set-up refused: wrong set-up code")]
    private static partial void LogWrongSetupCode(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created with role {Role} by {ActorId}")]
    private static partial void LogUserCreated(ILogger logger, string userId, AppRole role, string actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} now has role {Role} (changed by {ActorId})")]
    private static partial void LogRoleChanged(ILogger logger, string userId, AppRole role, string actorId);
}
