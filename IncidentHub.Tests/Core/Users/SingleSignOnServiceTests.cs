using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Users;
using IncidentHub.Core.Users.SingleSignOn;
using IncidentHub.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.Core.Users;

/// <summary>The account rules of single sign-on, on a real database (the round trip through a provider: Web/Auth/SingleSignOnTests).</summary>
public abstract class SingleSignOnServiceTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly SsoConfiguration Sso = new(true, "Corp Login", new SsoRoleMap(["admins"], ["responders"], ["viewers"], SsoDefaultRole.Viewer));

    private SingleSignOnService Service => Harness.Get<SingleSignOnService>();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(Sso);

    [Fact]
    public async Task SignIn_FirstTime_CreatesTheAccount_ThenFindsItBySubjectEvenWhenTheEmailChanges()
    {
        var first = await Service.SignInAsync(new SsoLogin("sub-1", "kim@corp.example", "Kim Kaur", ["responders"]), Ct);
        var again = await Service.SignInAsync(new SsoLogin("sub-1", "kim.kaur@corp.example", "Kim Kaur", ["responders"]), Ct);

        Assert.NotNull(first.UserId);
        Assert.Equal(first.UserId, again.UserId);
        var users = await UsersAsync();
        var kim = Assert.Single(users, u => u.Email == "kim@corp.example");
        Assert.Equal(AppRole.Responder, kim.Role);
        Assert.Equal(AccountEventKind.CreatedAtSignIn, Assert.Single(await AuditAsync()).Kind);
    }

    [Fact]
    public async Task SignIn_WithTheEmailOfAnExistingAccount_LinksIt_AndTheProviderDecidesItsRole()
    {
        var local = await Harness.CreateResponderAsync("Lee Local");
        var email = (await UsersAsync()).Single(u => u.Id == local.UserId).Email!;

        var result = await Service.SignInAsync(new SsoLogin("sub-lee", email.ToUpperInvariant(), "Lee L.", ["viewers"]), Ct);

        Assert.Equal(local.UserId, result.UserId);
        var lee = (await UsersAsync()).Single(u => u.Id == local.UserId);
        Assert.Equal(AppRole.Viewer, lee.Role);
        Assert.Equal("Lee Local", lee.DisplayName);
        Assert.Equal([AccountEventKind.LinkedAtSignIn, AccountEventKind.RoleChangedAtSignIn], (await AuditAsync()).Select(e => e.Kind));
        // A second provider account claiming the same email is not given this one.
        var other = await Service.SignInAsync(new SsoLogin("sub-impostor", email, "Lee", ["admins"]), Ct);
        Assert.Equal(SsoRefusal.LinkedElsewhere, other.Refusal);
    }

    [Fact]
    public async Task SignIn_NeverTakesTheLastActiveAdminsRoleAway_AndSaysSo()
    {
        var first = await Service.SignInAsync(new SsoLogin("sub-ada", "ada@corp.example", "Ada", ["admins"]), Ct);

        var later = await Service.SignInAsync(new SsoLogin("sub-ada", "ada@corp.example", "Ada", ["viewers"]), Ct);

        Assert.Equal(first.UserId, later.UserId);
        Assert.Equal(AppRole.Admin, (await UsersAsync()).Single(u => u.Id == first.UserId).Role);
        var kept = Assert.Single(await AuditAsync(), e => e.Kind == AccountEventKind.RoleKeptAtSignIn);
        Assert.Contains("stays an Admin: Corp Login would make them a Viewer (member of the group viewers), but they are the last active admin", kept.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_IsRefused_WithoutAnEmail_OrForADeactivatedAccount()
    {
        var noEmail = await Service.SignInAsync(new SsoLogin("sub-x", null, "X", ["admins"]), Ct);
        var admin = await Harness.CreateAdminAsync();
        var person = await Service.SignInAsync(new SsoLogin("sub-y", "y@corp.example", "Y", ["responders"]), Ct);
        await Harness.Accounts.SetActiveAsync(admin, person.UserId!, active: false, Ct);

        var deactivated = await Service.SignInAsync(new SsoLogin("sub-y", "y@corp.example", "Y", ["responders"]), Ct);

        Assert.Equal(SsoRefusal.NoEmail, noEmail.Refusal);
        Assert.Equal(SsoRefusal.Deactivated, deactivated.Refusal);
        Assert.Null(deactivated.UserId);
        Assert.DoesNotContain(await UsersAsync(), u => u.UserName == "X");
    }

    [Fact]
    public async Task PasswordSignIn_GoesOffOnlyWithAnAdminWhoSignedInThroughTheProvider_AndComesBackOn()
    {
        var admin = await Harness.Accounts.CreateFirstAdminAsync(new FirstRunForm
        {
            SetupCode = ServiceHarness.SetupCode,
            DisplayName = "Ada Local",
            Email = "ada.local@test.incidenthub",
            Password = ServiceHarness.Password,
            ConfirmPassword = ServiceHarness.Password,
        }, ServiceHarness.SetupCode, Ct);
        // A responder through the provider does not count: only an admin could undo the setting.
        await Service.SignInAsync(new SsoLogin("sub-r", "r@corp.example", "R", ["responders"]), Ct);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.SetPasswordSignInAsync(admin, allowed: false, Ct));
        Assert.Equal(SingleSignOnService.NoSsoAdmin("Corp Login"), refused.Message);
        Assert.True(await Service.IsPasswordSignInAllowedAsync(Ct));

        await Service.SignInAsync(new SsoLogin("sub-a", "a@corp.example", "A", ["admins"]), Ct);
        await Service.SetPasswordSignInAsync(admin, allowed: false, Ct);
        Assert.False(await Service.IsPasswordSignInAllowedAsync(Ct));
        var overview = await Service.GetOverviewAsync(admin, Ct);
        Assert.True(overview.PasswordSignInOff);
        Assert.Equal(["A"], overview.SsoAdmins.Select(a => a.DisplayName));

        await Service.SetPasswordSignInAsync(admin, allowed: true, Ct);
        Assert.True(await Service.IsPasswordSignInAllowedAsync(Ct));
        Assert.Equal(2, (await AuditAsync()).Count(e => e.Kind == AccountEventKind.PasswordSignInChanged));
    }

    private async Task<List<AppUser>> UsersAsync()
    {
        await using var db = await Harness.Get<IDbContextFactory<IncidentHubDbContext>>().CreateDbContextAsync(Ct);
        return await db.Users.AsNoTracking().ToListAsync(Ct);
    }

    private async Task<List<AccountEvent>> AuditAsync()
    {
        await using var db = await Harness.Get<IDbContextFactory<IncidentHubDbContext>>().CreateDbContextAsync(Ct);
        return await db.AccountEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
    }
}

public sealed class SingleSignOnServiceTests_Sqlite(SqliteTestDatabase database)
    : SingleSignOnServiceTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class SingleSignOnServiceTests_SqlServer(SqlServerTestDatabase database)
    : SingleSignOnServiceTests(database), IClassFixture<SqlServerTestDatabase>;

public sealed class SingleSignOnServiceTests_PostgreSql(PostgreSqlTestDatabase database)
    : SingleSignOnServiceTests(database), IClassFixture<PostgreSqlTestDatabase>;
