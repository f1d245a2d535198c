using IncidentHub.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// IncidentHub on a loopback port with single sign-on through an <see cref="OidcProvider"/> (started first, so the
/// app's Authority is known), set up with a first admin who signs in with a password.
/// </summary>
public sealed class SsoApp : IAsyncDisposable
{
    public const string ProviderName = "Corp Login";

    public const string AdminGroup = "IncidentHub Admins";

    public const string ResponderGroup = "ih-responders";

    public const string ViewerGroup = "ih-viewers";

    private SsoApp(OidcProvider provider, AppFactory app)
    {
        Provider = provider;
        App = app;
    }

    public OidcProvider Provider { get; }

    public AppFactory App { get; }

    public TestUser LocalAdmin { get; private set; } = null!;

    public Uri Address => App.ServerAddress;

    /// <param name="issuer">Passed to the provider: an issuer other than its own address.</param>
    /// <param name="settings">More app settings (or ones that replace the defaults below).</param>
    public static async Task<SsoApp> StartAsync(Uri? issuer = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var provider = await OidcProvider.StartAsync(issuer);
        var all = new Dictionary<string, string?>
        {
            ["Authentication:Oidc:DisplayName"] = ProviderName,
            ["Authentication:Oidc:Authority"] = provider.Address.ToString(),
            ["Authentication:Oidc:ClientId"] = OidcProvider.ClientId,
            ["Authentication:Oidc:ClientSecret"] = OidcProvider.ClientSecret,
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
            ["Authentication:Oidc:AdminGroups:0"] = AdminGroup,
            ["Authentication:Oidc:ResponderGroups:0"] = ResponderGroup,
            ["Authentication:Oidc:ViewerGroups:0"] = ViewerGroup,
            ["Authentication:Oidc:DefaultRole"] = "Viewer",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new AppFactory(realServer: true, settings: all);
        var self = new SsoApp(provider, app);
        await provider.RegisterClientAsync(new Uri(app.ServerAddress, "/signin-oidc"));
        self.LocalAdmin = await app.CompleteSetupAsync();
        return self;
    }

    public SsoBrowser NewBrowser() => new(Address);

    /// <summary>Signs <paramref name="user"/> in at the provider and through IncidentHub; returns the browser, signed in.</summary>
    public async Task<SsoBrowser> SignedInBrowserAsync(ProviderUser user)
    {
        Provider.SetUser(user);
        Provider.SignedIn = user.Subject;
        var browser = NewBrowser();
        var response = await browser.SignInAsync("/");
        if (!browser.HasSession)
        {
            throw new InvalidOperationException($"Single sign-on as {user} did not sign in: ended at {browser.Hops[^1]} ({(int)response.StatusCode}).");
        }

        return browser;
    }

    public async Task<AppUser?> AccountAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
