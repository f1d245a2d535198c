using System.Net;

namespace IncidentHub.Tests.TestSupport;

/// <summary>
/// A browser-like client for single sign-on: its own cookies, redirects followed one by one (so the test sees each
/// hop) across IncidentHub and the provider, both on loopback.
/// </summary>
public sealed class SsoBrowser : IDisposable
{
    private readonly HttpClient _client;

    public SsoBrowser(Uri appAddress)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = appAddress,
        };
    }

    public CookieContainer Cookies { get; }

    /// <summary>The client itself (no redirects followed): for requests after signing in.</summary>
    public HttpClient Client => _client;

    /// <summary>Every address visited by the last <see cref="FollowAsync"/>.</summary>
    public List<Uri> Hops { get; } = [];

    /// <summary>Clicks "Sign in with ..." (GET /account/sso) and follows the redirects to where they end.</summary>
    public Task<HttpResponseMessage> SignInAsync(string returnUrl = "/incidents") =>
        FollowAsync(new Uri(_client.BaseAddress!, "/account/sso?returnUrl=" + Uri.EscapeDataString(returnUrl)));

    public async Task<HttpResponseMessage> FollowAsync(Uri start)
    {
        Hops.Clear();
        var next = start;
        for (var i = 0; i < 12; i++)
        {
            Hops.Add(next);
            var response = await _client.GetAsync(next);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect))
            {
                return response;
            }

            next = new Uri(next, response.Headers.Location!);
        }

        throw new InvalidOperationException("Too many redirects: " + string.Join(" → ", Hops));
    }

    /// <summary>Whether IncidentHub's session cookie is set for the app.</summary>
    public bool HasSession => Cookies.GetCookies(_client.BaseAddress!).Any(c => c.Name == "IncidentHub.Auth");

    public void Dispose() => _client.Dispose();
}
