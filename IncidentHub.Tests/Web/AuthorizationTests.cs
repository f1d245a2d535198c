using System.Net;
using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Web;

/// <summary>Who may reach which page over HTTP.</summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private TestUser _viewer = null!;
    private TestUser _responder = null!;

    public static TheoryData<string> SignedInPages =>
    [
        "/", "/incidents", "/incidents/1", "/incidents/1/review", "/welcome", "/admin/users", "/admin/severities", "/admin/roles", "/admin/slack",
    ];

    public static TheoryData<string> AdminPages => ["/admin/users", "/admin/severities", "/admin/roles", "/admin/slack", "/welcome"];

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _viewer = await _app.CreateUserAsync("Vic Viewer", AppRole.Viewer);
        _responder = await _app.CreateUserAsync("Rae Responder", AppRole.Responder);
    }

    [Theory]
    [MemberData(nameof(SignedInPages))]
    public async Task Anonymous_IsSentToSignIn(string path)
    {
        var client = _app.AnonymousClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_CanReachSignInAndHealth()
    {
        var client = _app.AnonymousClient();

        var login = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);
        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"database\":\"Healthy\"", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Viewer_IsRefusedAdminPages(string path)
    {
        var client = await _app.SignedInClientAsync(_viewer);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Responder_IsRefusedAdminPages(string path)
    {
        var client = await _app.SignedInClientAsync(_responder);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/incidents")]
    [InlineData("/incidents/1")]
    public async Task Viewer_CanReadPages(string path)
    {
        var client = await _app.SignedInClientAsync(_viewer);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_SaysSoAndSetsNoCookie()
    {
        var client = _app.AnonymousClient();
        var wrong = _viewer with { };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _app.SignedInClientAsync(new TestUser(wrong.Actor, "nobody@test.incidenthub")));

        Assert.Contains("failed: 200", ex.Message, StringComparison.Ordinal);
        var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example%2F", "/")]
    [InlineData("%2F%2Fevil.example%2F", "/")]
    [InlineData("%2Fincidents%2F3", "/incidents/3")]
    public async Task SignIn_FollowsOnlyLocalReturnUrls(string returnUrl, string expected)
    {
        var response = await _app.PostSignInAsync(_responder.Email, _responder.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        Assert.Equal("localhost", location.Host);
        Assert.Equal(expected, location.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_ToADeactivatedAccount_SaysSoOnlyToSomeoneWhoKnowsThePassword()
    {
        var admin = (await _app.Get<IncidentHub.Core.Users.DirectoryQueries>().GetUsersAsync(TestContext.Current.CancellationToken)).Single(u => u.Role == AppRole.Admin);
        await _app.Get<IncidentHub.Core.Users.UserAccountService>().SetActiveAsync(
            new Actor(admin.Id, admin.DisplayName, AppRole.Admin), _viewer.Actor.UserId, false, TestContext.Current.CancellationToken);

        var wrongPassword = await _app.PostSignInAsync(_viewer.Email, "not-the-password");
        var rightPassword = await _app.PostSignInAsync(_viewer.Email, _viewer.Password);

        var wrongPage = await wrongPassword.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("do not match an account", wrongPage, StringComparison.Ordinal);
        Assert.DoesNotContain("deactivated", wrongPage, StringComparison.Ordinal);
        Assert.Contains("This account has been deactivated", await rightPassword.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsRefused()
    {
        var client = await _app.SignedInClientAsync(_responder);

        using var body = new FormUrlEncodedContent([]);
        var response = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var stillSignedIn = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
