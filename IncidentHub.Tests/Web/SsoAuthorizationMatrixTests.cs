using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Web;

/// <summary>
/// The authorization table again, for people whose accounts single sign-on created (one per role, from the provider's
/// groups): an account made at sign-in gets exactly what the same role gets with a password, no more.
/// </summary>
public sealed class SsoAuthorizationMatrixTests(SsoAuthorizationMatrixTests.Fixture fixture) : IClassFixture<SsoAuthorizationMatrixTests.Fixture>
{
    /// <summary>The two single sign-on steps themselves are proven in SingleSignOnTests (they redirect to the provider here).</summary>
    private static readonly string[] SignInSteps = ["/account/sso", "/account/sso/complete"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in AuthorizationMatrixTests.Rules.Keys.Except(SignInSteps))
        {
            foreach (var role in new[] { AppRoles.Viewer, AppRoles.Responder, AppRoles.Admin })
            {
                data.Add(route, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachSsoCreatedAccount_GetsWhatTheTableSaysForItsRole(string route, string role)
    {
        var rule = AuthorizationMatrixTests.Rules[route];
        var expected = role switch
        {
            AppRoles.Viewer => rule.Viewer,
            AppRoles.Responder => rule.Responder,
            _ => rule.Admin,
        };

        var response = await fixture.Browsers[role].Client.GetAsync(new Uri(rule.Url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(expected, AuthorizationMatrixTests.OutcomeOf(response, route, "SSO " + role, rule.Url));
    }

    [Fact]
    public async Task TheAccountsWereMadeBySingleSignOn_WithTheRolesTheirGroupsGive()
    {
        foreach (var (role, user) in fixture.People)
        {
            var account = await fixture.Sso.AccountAsync(user.Email!);
            Assert.NotNull(account);
            Assert.Null(account.PasswordHash);
            Assert.Equal(role, account.Role.ToString());
        }
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public SsoApp Sso { get; private set; } = null!;

        public Dictionary<string, ProviderUser> People { get; } = new()
        {
            [AppRoles.Viewer] = ProviderUser.Named("Val Sso", SsoApp.ViewerGroup),
            [AppRoles.Responder] = ProviderUser.Named("Rio Sso", SsoApp.ResponderGroup),
            [AppRoles.Admin] = ProviderUser.Named("Ari Sso", SsoApp.AdminGroup),
        };

        public Dictionary<string, SsoBrowser> Browsers { get; } = [];

        public async ValueTask InitializeAsync()
        {
            Sso = await SsoApp.StartAsync();
            await Sso.App.DeclareAsync(Sso.LocalAdmin, "Something broke");
            foreach (var (role, user) in People)
            {
                Browsers[role] = await Sso.SignedInBrowserAsync(user);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var browser in Browsers.Values)
            {
                browser.Dispose();
            }

            await Sso.DisposeAsync();
        }
    }
}
