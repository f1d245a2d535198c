using System.Net;
using IncidentHub.Core.Common;
using IncidentHub.Core.Data;
using IncidentHub.Core.Users;
using IncidentHub.Core.Users.SingleSignOn;
using IncidentHub.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.Web.Auth;

/// <summary>
/// Single sign-on against a real OpenID Connect provider (OpenIddict on loopback): the browser goes to the provider,
/// comes back with a code, IncidentHub redeems it over the back channel (PKCE, client secret), validates the signed ID
/// token and starts its own session. Nothing here is mocked but the person at the provider's login form.
/// </summary>
public sealed class SingleSignOnTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInPage_OffersTheProviderByName()
    {
        await using var sso = await SsoApp.StartAsync();
        using var browser = sso.NewBrowser();

        var page = await browser.Client.GetStringAsync(new Uri("/account/login", UriKind.Relative), Ct);

        Assert.Contains("Sign in with Corp Login", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Password\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstSignIn_EndToEnd_CreatesAnAccountWithTheMappedRole_AndLandsWhereAsked()
    {
        await using var sso = await SsoApp.StartAsync();
        var rae = ProviderUser.Named("Rae Responder", "unrelated-group", SsoApp.ResponderGroup);
        sso.Provider.SetUser(rae);
        sso.Provider.SignedIn = rae.Subject;
        using var browser = sso.NewBrowser();

        var landed = await browser.SignInAsync("/incidents");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/incidents", browser.Hops[^1].AbsolutePath);
        // The round trip went through the provider's authorization endpoint and back to the callback.
        Assert.Contains(browser.Hops, h => h.Port == sso.Provider.Address.Port && h.AbsolutePath == "/connect/authorize");
        Assert.Contains(browser.Hops, h => h.AbsolutePath == "/signin-oidc" && h.Query.Contains("code=", StringComparison.Ordinal));
        Assert.True(browser.HasSession);
        var account = await sso.AccountAsync(rae.Email!);
        Assert.NotNull(account);
        Assert.Equal(AppRole.Responder, account.Role);
        Assert.Equal("Rae Responder", account.DisplayName);
        Assert.Null(account.PasswordHash);
        var audit = await AuditAsync(sso);
        Assert.Contains(audit, e => e.Kind == AccountEventKind.CreatedAtSignIn && e.UserId == account.Id && e.Text.Contains("as a Responder (member of the group ih-responders)", StringComparison.Ordinal));
        // Signed in for real: a signed-in page answers, the admin pages do not (a Responder).
        var dashboard = await browser.Client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        var admin = await browser.Client.GetAsync(new Uri("/admin/users", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("/account/access-denied", admin.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData(new[] { SsoApp.AdminGroup }, AppRole.Admin)]
    [InlineData(new[] { "incidenthub admins" }, AppRole.Admin)]
    [InlineData(new[] { SsoApp.ViewerGroup, SsoApp.ResponderGroup }, AppRole.Responder)]
    [InlineData(new[] { SsoApp.ViewerGroup }, AppRole.Viewer)]
    [InlineData(new string[0], AppRole.Viewer)]
    public async Task Groups_MapToTheAccountRole(string[] groups, AppRole expected)
    {
        await using var sso = await SsoApp.StartAsync();
        var person = ProviderUser.Named("Pat Person", groups);

        using var browser = await sso.SignedInBrowserAsync(person);

        Assert.Equal(expected, (await sso.AccountAsync(person.Email!))!.Role);
        var admin = await browser.Client.GetAsync(new Uri("/admin/users", UriKind.Relative), Ct);
        Assert.Equal(expected == AppRole.Admin ? HttpStatusCode.OK : HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Fact]
    public async Task ARoleChangeAtTheProvider_TakesEffectAtTheNextSignIn_AndIsOnTheAdminsAuditLine()
    {
        await using var sso = await SsoApp.StartAsync();
        var sam = ProviderUser.Named("Sam Shift", SsoApp.ViewerGroup);
        using (await sso.SignedInBrowserAsync(sam))
        {
            Assert.Equal(AppRole.Viewer, (await sso.AccountAsync(sam.Email!))!.Role);
        }

        // The directory moves Sam to the admins group; nothing changes in IncidentHub until Sam signs in again.
        sso.Provider.SetUser(sam with { Groups = [SsoApp.AdminGroup] });
        Assert.Equal(AppRole.Viewer, (await sso.AccountAsync(sam.Email!))!.Role);
        using var again = await sso.SignedInBrowserAsync(sso.Provider.User(sam.Subject));

        var account = (await sso.AccountAsync(sam.Email!))!;
        Assert.Equal(AppRole.Admin, account.Role);
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync(new Uri("/admin/users", UriKind.Relative), Ct)).StatusCode);
        var changed = Assert.Single(await AuditAsync(sso), e => e.Kind == AccountEventKind.RoleChangedAtSignIn);
        Assert.Equal(account.Id, changed.UserId);
        Assert.Contains("is now an Admin, was a Viewer: set by Corp Login at sign-in (member of the group IncidentHub Admins)", changed.Text, StringComparison.Ordinal);
        // What the admin's sign-in settings page lists (the page itself: SignInSettingsPageTests).
        var overview = await sso.App.Get<SingleSignOnService>().GetOverviewAsync(account.ToActor(), Ct);
        Assert.Contains(overview.RecentEvents, e => e.Id == changed.Id);
    }

    [Fact]
    public async Task ADeactivatedAccount_CannotSignInThroughTheProvider()
    {
        await using var sso = await SsoApp.StartAsync();
        var dee = ProviderUser.Named("Dee Departed", SsoApp.ResponderGroup);
        using (await sso.SignedInBrowserAsync(dee))
        {
        }

        var account = (await sso.AccountAsync(dee.Email!))!;
        await sso.App.Get<UserAccountService>().SetActiveAsync(sso.LocalAdmin.Actor, account.Id, active: false, Ct);
        using var browser = sso.NewBrowser();
        var landed = await browser.SignInAsync();

        Assert.False(browser.HasSession);
        Assert.Equal("/account/login", browser.Hops[^1].AbsolutePath);
        Assert.Equal("?sso=deactivated", browser.Hops[^1].Query);
        var page = await landed.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Your IncidentHub account has been deactivated, so you cannot sign in with Corp Login.", page, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(sso), e => e.Kind == AccountEventKind.SignInRefused && e.UserId == account.Id);
    }

    [Fact]
    public async Task AnIdTokenForAnotherAudience_IsRefused_AndNoAccountIsMade()
    {
        await using var sso = await SsoApp.StartAsync();
        var eve = ProviderUser.Named("Eve Elsewhere", SsoApp.AdminGroup);
        sso.Provider.SetUser(eve);
        sso.Provider.SignedIn = eve.Subject;
        sso.Provider.IdentityTokenAudience = "another-application";
        using var browser = sso.NewBrowser();

        var landed = await browser.SignInAsync();

        AssertRefusedAsFailed(browser);
        Assert.Contains("did not work", await landed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(await sso.AccountAsync(eve.Email!));
        Assert.Equal(1, sso.Provider.AuthorizationRequests);
    }

    [Fact]
    public async Task AProviderThatNamesAnotherIssuer_IsRefused_AndNoAccountIsMade()
    {
        // The provider's discovery document and tokens say https://login.example.test/, not the Authority IncidentHub was given.
        await using var sso = await SsoApp.StartAsync(issuer: new Uri("https://login.example.test/"));
        var eve = ProviderUser.Named("Eve Elsewhere", SsoApp.AdminGroup);
        sso.Provider.SetUser(eve);
        sso.Provider.SignedIn = eve.Subject;
        using var browser = sso.NewBrowser();

        await browser.SignInAsync();

        AssertRefusedAsFailed(browser);
        Assert.Null(await sso.AccountAsync(eve.Email!));
        Assert.Equal(1, sso.Provider.AuthorizationRequests);
    }

    [Fact]
    public async Task CancellingAtTheProvider_ComesBackToTheSignInPageWithAMessage()
    {
        await using var sso = await SsoApp.StartAsync();
        sso.Provider.SignedIn = null;
        using var browser = sso.NewBrowser();

        await browser.SignInAsync();

        AssertRefusedAsFailed(browser);
    }

    [Fact]
    public async Task WithDefaultRoleNone_SomeoneInNoMappedGroup_IsNotLetIn()
    {
        await using var sso = await SsoApp.StartAsync(settings: new Dictionary<string, string?> { ["Authentication:Oidc:DefaultRole"] = "None" });
        var olly = ProviderUser.Named("Olly Outsider", "marketing");
        sso.Provider.SetUser(olly);
        sso.Provider.SignedIn = olly.Subject;
        using var browser = sso.NewBrowser();

        var landed = await browser.SignInAsync();

        Assert.False(browser.HasSession);
        Assert.Equal("?sso=notletin", browser.Hops[^1].Query);
        Assert.Contains("is in none of the groups that may use IncidentHub", await landed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(await sso.AccountAsync(olly.Email!));
    }

    [Fact]
    public async Task PasswordSignIn_CanBeTurnedOff_OnlyOnceAnAdminSignedInThroughTheProvider()
    {
        await using var sso = await SsoApp.StartAsync();
        var service = sso.App.Get<SingleSignOnService>();

        var refused = await Assert.ThrowsAsync<DomainException>(() => service.SetPasswordSignInAsync(sso.LocalAdmin.Actor, allowed: false, Ct));
        Assert.Contains("No active admin has signed in with Corp Login yet", refused.Message, StringComparison.Ordinal);

        var ada = ProviderUser.Named("Ada Admin", SsoApp.AdminGroup);
        using (await sso.SignedInBrowserAsync(ada))
        {
        }

        // A sign-in form opened before the change, posted after it.
        using var oldForm = sso.NewBrowser();
        var token = HttpSignIn.AntiforgeryTokenIn(await oldForm.Client.GetStringAsync(new Uri("/account/login", UriKind.Relative), Ct));
        await service.SetPasswordSignInAsync(sso.LocalAdmin.Actor, allowed: false, Ct);

        using var anonymous = sso.NewBrowser();
        var page = await anonymous.Client.GetStringAsync(new Uri("/account/login", UriKind.Relative), Ct);
        Assert.Contains("Sign in with Corp Login", page, StringComparison.Ordinal);
        var form = System.Text.RegularExpressions.Regex.Matches(page, "<form[^>]*>").Select(m => m.Value).Single(f => f.Contains("data-testid=\"password-form\"", StringComparison.Ordinal));
        Assert.Matches("\\shidden[\\s>=]", form);
        // A password posted anyway (an old form, a script) is refused before it is checked, with the same words for everyone.
        var posted = await PostPasswordAsync(oldForm.Client, token, sso.LocalAdmin.Email, sso.LocalAdmin.Password);
        Assert.False(oldForm.HasSession);
        Assert.Contains("Password sign-in is turned off here. Use &quot;Sign in with Corp Login&quot;.", posted, StringComparison.Ordinal);
        // The admin who linked their account still gets in, through the provider.
        using var stillIn = await sso.SignedInBrowserAsync(ada);
        Assert.Equal(HttpStatusCode.OK, (await stillIn.Client.GetAsync(new Uri("/admin/sign-in", UriKind.Relative), Ct)).StatusCode);
    }

    private static void AssertRefusedAsFailed(SsoBrowser browser)
    {
        Assert.False(browser.HasSession);
        Assert.Equal("/account/login", browser.Hops[^1].AbsolutePath);
        Assert.Equal("?sso=failed", browser.Hops[^1].Query);
    }

    private static async Task<string> PostPasswordAsync(HttpClient client, string token, string email, string password)
    {
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), body, Ct);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static async Task<List<AccountEvent>> AuditAsync(SsoApp sso)
    {
        await using var db = await sso.App.Get<IDbContextFactory<IncidentHubDbContext>>().CreateDbContextAsync(Ct);
        return await db.AccountEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
    }
}
