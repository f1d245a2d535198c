using IncidentHub.Core.Common;
using IncidentHub.Core.Users;
using IncidentHub.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.Core.Users;

public abstract class UserAccountServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private static FirstRunForm FirstRun(string email = "priya@example.com") => new()
    {
        SetupCode = ServiceHarness.SetupCode,
        DisplayName = "Priya Nair",
        Email = email,
        Password = ServiceHarness.Password,
        ConfirmPassword = ServiceHarness.Password,
    };

    private static NewUserForm NewUser(string email, string password = ServiceHarness.Password, AppRole role = AppRole.Responder) => new()
    {
        DisplayName = "Sam Okafor",
        Email = email,
        Password = password,
        Role = role,
    };

    private Task<AppUser> StoredAsync(string userId) =>
        Harness.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, Ct));

    [Fact]
    public async Task CreateFirstAdmin_OnAFreshInstall_CreatesAnAdminWhoCanSignIn()
    {
        var admin = await Harness.Accounts.CreateFirstAdminAsync(FirstRun(), ServiceHarness.SetupCode, Ct);

        Assert.Equal(AppRole.Admin, admin.Role);
        Assert.Equal("Priya Nair", admin.DisplayName);
        await using var scope = Harness.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync("priya@example.com");
        Assert.NotNull(user);
        Assert.True(user.IsActive);
        Assert.True(await users.CheckPasswordAsync(user, ServiceHarness.Password));
    }

    [Fact]
    public async Task CreateFirstAdmin_Twice_IsRefusedTheSecondTime()
    {
        await Harness.Accounts.CreateFirstAdminAsync(FirstRun(), ServiceHarness.SetupCode, Ct);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Harness.Accounts.CreateFirstAdminAsync(FirstRun("mallory@example.com"), ServiceHarness.SetupCode, Ct));

        Assert.Contains("already set up", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Harness.QueryAsync(db => db.Users.CountAsync(Ct)));
    }

    [Fact]
    public async Task CreateFirstAdmin_RacedInParallel_CreatesExactlyOneAdmin_AndTellsTheOthersItIsSetUp()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 8).Select(async n =>
        {
            await Task.Yield();
            try
            {
                await Harness.Accounts.CreateFirstAdminAsync(FirstRun($"person{n}@example.com"), ServiceHarness.SetupCode, Ct);
                return "created";
            }
            catch (DomainException ex)
            {
                return ex.Message;
            }
        }));

        Assert.Single(outcomes, o => o == "created");
        Assert.All(outcomes.Where(o => o != "created"), o => Assert.Equal(UserAccountService.AlreadySetUp, o));
        Assert.Equal(1, await Harness.QueryAsync(db => db.Users.CountAsync(Ct)));
        var installation = await Harness.QueryAsync(db => db.Installation.SingleAsync(Ct));
        Assert.Equal(await Harness.QueryAsync(db => db.Users.Select(u => u.Id).SingleAsync(Ct)), installation.FirstAdminId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HARN-ESS1-COD")]
    [InlineData("someone-elses-code")]
    public async Task CreateFirstAdmin_WithoutTheSetupCodeOrWithAWrongOne_CreatesNothing(string code)
    {
        var form = FirstRun();
        form.SetupCode = code;

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Accounts.CreateFirstAdminAsync(form, ServiceHarness.SetupCode, Ct));

        Assert.Equal(["SetupCode"], ex.Errors.Keys);
        Assert.False(await Harness.QueryAsync(db => db.Users.AnyAsync(Ct)));
        Assert.False(await Harness.QueryAsync(db => db.Installation.AnyAsync(Ct)));
    }

    [Fact]
    public async Task CreateFirstAdmin_AcceptsTheCodeWithoutDashesAndInLowerCase()
    {
        var form = FirstRun();
        form.SetupCode = " harn ess1code ";

        var admin = await Harness.Accounts.CreateFirstAdminAsync(form, ServiceHarness.SetupCode, Ct);

        Assert.Equal(AppRole.Admin, admin.Role);
    }

    [Fact]
    public async Task CreateFirstAdmin_WithMismatchedPasswords_IsRefusedOnConfirmPassword()
    {
        var form = FirstRun();
        form.ConfirmPassword = "something-else-entirely";

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Accounts.CreateFirstAdminAsync(form, ServiceHarness.SetupCode, Ct));

        Assert.Equal(["ConfirmPassword"], ex.Errors.Keys);
        Assert.False(await Harness.QueryAsync(db => db.Users.AnyAsync(Ct)));
    }

    [Fact]
    public async Task CreateUser_WithAnEmailThatHasAnAccount_IsRefusedOnEmail()
    {
        var admin = await Harness.CreateAdminAsync();
        await Harness.Accounts.CreateUserAsync(admin, NewUser("sam@example.com"), Ct);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Accounts.CreateUserAsync(admin, NewUser("SAM@example.com"), Ct));

        Assert.Equal(["Email"], ex.Errors.Keys);
        Assert.Equal("SAM@example.com already has an account.", Assert.Single(ex.Errors["Email"]));
        Assert.Equal(2, await Harness.QueryAsync(db => db.Users.CountAsync(Ct)));
    }

    [Fact]
    public async Task CreateUser_WithAShortPassword_IsRefusedOnPassword()
    {
        var admin = await Harness.CreateAdminAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Accounts.CreateUserAsync(admin, NewUser("sam@example.com", "short-pw"), Ct));

        Assert.Equal(["Password"], ex.Errors.Keys);
        Assert.Equal(1, await Harness.QueryAsync(db => db.Users.CountAsync(Ct)));
    }

    [Fact]
    public async Task CreateUser_ByAResponder_IsForbidden()
    {
        var riley = await Harness.CreateResponderAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Harness.Accounts.CreateUserAsync(riley, NewUser("sam@example.com"), Ct));

        Assert.Equal(1, await Harness.QueryAsync(db => db.Users.CountAsync(Ct)));
    }

    [Fact]
    public async Task CreateUser_StoresTheRole()
    {
        var admin = await Harness.CreateAdminAsync();

        var id = await Harness.Accounts.CreateUserAsync(admin, NewUser("casey@example.com", role: AppRole.Viewer), Ct);

        var stored = await StoredAsync(id);
        Assert.Equal(AppRole.Viewer, stored.Role);
        Assert.Equal("casey@example.com", stored.Email);
    }

    [Fact]
    public async Task ChangeRole_OfTheLastActiveAdmin_IsRefused()
    {
        var admin = await Harness.CreateAdminAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => Harness.Accounts.ChangeRoleAsync(admin, admin.UserId, AppRole.Responder, Ct));

        Assert.Contains("last active admin", ex.Message, StringComparison.Ordinal);
        Assert.Equal(AppRole.Admin, (await StoredAsync(admin.UserId)).Role);
    }

    [Fact]
    public async Task ChangeRole_OfAnAdminWhenAnotherIsActive_IsAllowedAndSignsThemOutElsewhere()
    {
        var priya = await Harness.CreateAdminAsync();
        var other = await Harness.CreateAdminAsync();
        var stamp = (await StoredAsync(other.UserId)).SecurityStamp;

        await Harness.Accounts.ChangeRoleAsync(priya, other.UserId, AppRole.Responder, Ct);

        var stored = await StoredAsync(other.UserId);
        Assert.Equal(AppRole.Responder, stored.Role);
        Assert.NotEqual(stamp, stored.SecurityStamp);
    }

    [Fact]
    public async Task ChangeRole_WhenTheOnlyOtherAdminIsDeactivated_IsRefused()
    {
        var priya = await Harness.CreateAdminAsync();
        var other = await Harness.CreateAdminAsync();
        await Harness.Accounts.SetActiveAsync(priya, other.UserId, active: false, Ct);

        await Assert.ThrowsAsync<DomainException>(() => Harness.Accounts.ChangeRoleAsync(priya, priya.UserId, AppRole.Viewer, Ct));

        Assert.Equal(AppRole.Admin, (await StoredAsync(priya.UserId)).Role);
    }

    [Fact]
    public async Task SetActive_Yourself_IsRefused()
    {
        var priya = await Harness.CreateAdminAsync();
        await Harness.CreateAdminAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => Harness.Accounts.SetActiveAsync(priya, priya.UserId, active: false, Ct));

        Assert.Equal("You cannot deactivate your own account.", ex.Message);
        Assert.True((await StoredAsync(priya.UserId)).IsActive);
    }

    [Fact]
    public async Task SetActive_TheLastActiveAdmin_IsRefused()
    {
        var priya = await Harness.CreateAdminAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => Harness.Accounts.SetActiveAsync(Actor.System, priya.UserId, active: false, Ct));

        Assert.Contains("last active admin", ex.Message, StringComparison.Ordinal);
        Assert.True((await StoredAsync(priya.UserId)).IsActive);
    }

    [Fact]
    public async Task SetActive_Deactivated_DisappearsFromTheResponderPicker()
    {
        var priya = await Harness.CreateAdminAsync("Priya Nair");
        var sam = await Harness.CreateResponderAsync("Sam Okafor");
        await Harness.CreateViewerAsync("Casey Lee");

        await Harness.Accounts.SetActiveAsync(priya, sam.UserId, active: false, Ct);

        Assert.False((await StoredAsync(sam.UserId)).IsActive);
        Assert.Equal(["Priya Nair"], (await Harness.Directory.GetRespondersAsync(Ct)).Select(u => u.DisplayName));
        Assert.Equal(3, (await Harness.Directory.GetUsersAsync(Ct)).Count);
    }

    [Fact]
    public async Task ResetPassword_LetsThePersonSignInWithTheNewOne()
    {
        var priya = await Harness.CreateAdminAsync();
        var sam = await Harness.CreateResponderAsync();

        await Harness.Accounts.ResetPasswordAsync(priya, sam.UserId, new ResetPasswordForm { Password = "a-brand-new-password" }, Ct);

        await using var scope = Harness.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(sam.UserId))!;
        Assert.True(await users.CheckPasswordAsync(user, "a-brand-new-password"));
        Assert.False(await users.CheckPasswordAsync(user, ServiceHarness.Password));
    }

    [Fact]
    public async Task ChangeRole_OfAnUnknownAccount_IsNotFound()
    {
        var priya = await Harness.CreateAdminAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Harness.Accounts.ChangeRoleAsync(priya, "nobody", AppRole.Viewer, Ct));
    }
}

public sealed class UserAccountServiceTests_Sqlite(SqliteTestDatabase database)
    : UserAccountServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class UserAccountServiceTests_SqlServer(SqlServerTestDatabase database)
    : UserAccountServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class UserAccountServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : UserAccountServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
