using System.Net;
using IncidentHub.Tests.TestSupport;

namespace IncidentHub.Tests.Web;

/// <summary>
/// Behind a TLS-terminating proxy, in Production: the client's scheme and address are believed only from the configured
/// proxy, and then cookies are Secure and HSTS is sent.
/// </summary>
public sealed class ProxyTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";

    private readonly AppFactory _app = new(environment: "Production", settings: new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies"] = Proxy,
        ["RateLimits:SignInPerAddressPerMinute"] = "3",
    });

    private TestUser _admin = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _admin = await _app.CompleteSetupAsync();

    [Fact]
    public async Task ThroughTheProxyOverHttps_CookiesAreSecure_AndHstsIsSent()
    {
        var browser = Through(_app.ClientFrom(Proxy), "203.0.113.9", "https");

        var page = await browser.GetAsync(new Uri("/account/login", UriKind.Relative), Ct);
        var signedIn = await PostSignInAsync(browser, page, _admin.Email, _admin.Password);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("; secure", signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("IncidentHub.Auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedHeadersFromAnyoneElse_AreIgnored()
    {
        var spoofer = Through(_app.ClientFrom("192.0.2.66"), "203.0.113.9", "https");

        var page = await spoofer.GetAsync(new Uri("/account/login", UriKind.Relative), Ct);

        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task PlainHttp_ThroughTheProxy_GetsNoHsts()
    {
        var browser = Through(_app.ClientFrom(Proxy), "203.0.113.9", "http");

        var page = await browser.GetAsync(new Uri("/account/login", UriKind.Relative), Ct);

        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task RateLimits_CountTheClientBehindTheProxy_NotTheProxy()
    {
        var first = Through(_app.ClientFrom(Proxy), "203.0.113.9", "https");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var form = await first.GetAsync(new Uri("/account/login", UriKind.Relative), Ct);
            answers.Add((await PostSignInAsync(first, form, $"person{i}@test.incidenthub", "a-guess-12345")).StatusCode);
        }

        var other = Through(_app.ClientFrom(Proxy), "203.0.113.10", "https");
        var second = await PostSignInAsync(other, await other.GetAsync(new Uri("/account/login", UriKind.Relative), Ct), "nobody@test.incidenthub", "a-guess-12345");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    /// <summary>
    /// Posts the sign-in form with the cookies <paramref name="form"/> set. The test client is on plain http (the proxy
    /// speaks https to the browser), so it would not send Secure cookies back by itself: this plays the browser.
    /// </summary>
    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, HttpResponseMessage form, string email, string password)
    {
        var html = await form.Content.ReadAsStringAsync(Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryTokenIn(html),
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        return await client.SendAsync(request, Ct);
    }

    private static HttpClient Through(HttpClient client, string forwardedFor, string scheme)
    {
        client.DefaultRequestHeaders.Host = "incidents.example.com";
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", scheme);
        return client;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
