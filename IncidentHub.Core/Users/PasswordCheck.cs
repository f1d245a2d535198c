using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Core.Users;

/// <summary>
/// Checks an email and password for sign-in without telling anyone which accounts exist: an unknown email costs the
/// same as a wrong password (one password hash is verified either way) and gets the same answer. Only someone who knows
/// an account's password learns that it is deactivated.
/// </summary>
public sealed class PasswordCheck(IServiceScopeFactory scopes)
{
    public const string NoMatch = "That email and password do not match an account.";

    public const string Deactivated = "This account has been deactivated. Ask an admin if that is a mistake.";

    private readonly Lock _dummyLock = new();
    private string? _dummyHash;

    public async Task<PasswordCheckResult> CheckAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user?.PasswordHash is null)
        {
            // No account (or one without a password): verify against a hash of nothing, at the same cost as a real one.
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>();
            hasher.VerifyHashedPassword(DummyUser, DummyHash(hasher), password);
            return PasswordCheckResult.Refused(NoMatch);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            return PasswordCheckResult.Refused(NoMatch);
        }

        return user.IsActive ? PasswordCheckResult.Matched(user.Id) : PasswordCheckResult.Refused(Deactivated);
    }

    private static readonly AppUser DummyUser = new() { UserName = "nobody", DisplayName = "nobody" };

    private string DummyHash(IPasswordHasher<AppUser> hasher)
    {
        lock (_dummyLock)
        {
            return _dummyHash ??= hasher.HashPassword(DummyUser, RandomNumberGenerator.GetHexString(32));
        }
    }
}

/// <summary>The account that matched (<see cref="UserId"/>), or the one message to show (<see cref="Refusal"/>).</summary>
public sealed record PasswordCheckResult(string? UserId, string? Refusal)
{
    public static PasswordCheckResult Matched(string userId) => new(userId, null);

    public static PasswordCheckResult Refused(string message) => new(null, message);
}
