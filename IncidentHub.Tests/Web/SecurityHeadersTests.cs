using System.Net;
using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Security;
using IncidentHub.Web.StatusPage;

namespace IncidentHub.Tests.Web;

/// <summary>
/// Every kind of response carries a Content-Security-Policy, nosniff, a Referrer-Policy and a Permissions-Policy: the
/// live app's pages, the server-rendered account pages, errors, redirects, refusals, the public status page (with its
/// own stricter policy), JSON, the feed, health checks, static files and the jobs dashboard.
/// </summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private TestUser _admin = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, HttpStatusCode> SignedInResponses => new()
    {
        { "/", HttpStatusCode.OK },
        { "/incidents", HttpStatusCode.OK },
        { "/incidents/1", HttpStatusCode.OK },
        { "/admin/users", HttpStatusCode.OK },
        { "/jobs", HttpStatusCode.OK },
        { "/no-such-page", HttpStatusCode.NotFound },
        { "/incidents/1/review.md", HttpStatusCode.OK },
    };

    public static TheoryData<string, HttpStatusCode> AnonymousResponses => new()
    {
        { "/account/login", HttpStatusCode.OK },
        { "/account/access-denied", HttpStatusCode.OK },
        { "/setup", HttpStatusCode.Redirect },
        { "/incidents", HttpStatusCode.Redirect },
        { "/healthz", HttpStatusCode.OK },
        { "/healthz/live", HttpStatusCode.OK },
        { "/app.css", HttpStatusCode.OK },
        { "/_framework/blazor.web.js", HttpStatusCode.OK },
        { "/attachments/not-a-real-link", HttpStatusCode.Redirect },
    };

    public async ValueTask InitializeAsync()
    {
        _admin = await _app.CompleteSetupAsync();
        await _app.DeclareAsync(_admin, "Headers everywhere");
    }

    [Theory]
    [MemberData(nameof(SignedInResponses))]
    public async Task SignedInPagesAndEndpoints_CarryTheAppPolicy(string path, HttpStatusCode expected)
    {
        var client = await _app.SignedInClientAsync(_admin);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(expected, response.StatusCode);
        AssertAppHeaders(response);
    }

    [Theory]
    [MemberData(nameof(AnonymousResponses))]
    public async Task AnonymousPagesAndEndpoints_CarryTheAppPolicy(string path, HttpStatusCode expected)
    {
        var response = await _app.AnonymousClient().GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(expected, response.StatusCode);
        AssertAppHeaders(response);
    }

    [Theory]
    [InlineData("/status")]
    [InlineData("/status/summary.json")]
    [InlineData("/status/feed.atom")]
    public async Task PublicStatusEndpoints_CarryTheirStricterPolicy(string path)
    {
        var response = await _app.AnonymousClient().GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StatusPageEndpoints.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal(SecurityHeaders.PermissionsPolicy, Header(response, "Permissions-Policy"));
    }

    [Fact]
    public async Task APostRefusedForWantOfAnAntiforgeryToken_CarriesThemToo()
    {
        var client = await _app.SignedInClientAsync(_admin);

        var response = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), new StringContent(""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertAppHeaders(response);
    }

    [Fact]
    public void TheAppPolicy_AllowsNoInlineScriptAndNoEval()
    {
        var script = SecurityHeaders.ContentSecurityPolicy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));

        Assert.Equal("script-src 'self'", script);
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    private static void AssertAppHeaders(HttpResponseMessage response)
    {
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal(SecurityHeaders.ReferrerPolicy, Header(response, "Referrer-Policy"));
        Assert.Equal(SecurityHeaders.PermissionsPolicy, Header(response, "Permissions-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : $"(no {name})";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
