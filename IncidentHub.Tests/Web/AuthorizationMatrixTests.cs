using System.Net;
using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentHub.Tests.Web;

/// <summary>
/// Every page and endpoint, tried as anonymous, Viewer, Responder and Admin, against a table of what each may do.
/// An endpoint that is not in the table fails the test: a new page needs a rule before it ships.
/// (Which private incidents someone sees is decided in Core and checked in Core/Access and the browser tests: over
/// HTTP every live page is the same shell for everyone allowed in.)
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private readonly Dictionary<string, HttpClient> _clients = [];

    public enum Outcome
    {
        /// <summary>200.</summary>
        Ok,

        /// <summary>Sent to sign in.</summary>
        SignIn,

        /// <summary>Signed in, but the role does not allow it.</summary>
        Denied,

        /// <summary>Sent on to sign-in because the page is for people not yet signed in (first run).</summary>
        ToSignIn,

        /// <summary>Let in, but there is nothing there: a link that was not made for this person, or has expired.</summary>
        NotFound,
    }

    internal sealed record Rule(string Url, Outcome Anonymous, Outcome Viewer, Outcome Responder, Outcome Admin);

    private static Rule SignedIn(string url) => new(url, Outcome.SignIn, Outcome.Ok, Outcome.Ok, Outcome.Ok);

    private static Rule AdminOnly(string url) => new(url, Outcome.SignIn, Outcome.Denied, Outcome.Denied, Outcome.Ok);

    private static Rule Public(string url) => new(url, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok);

    /// <summary>Route pattern (as the app registers it) → the URL tried and the expected outcome per role.</summary>
    internal static readonly Dictionary<string, Rule> Rules = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = SignedIn("/"),
        ["/incidents"] = SignedIn("/incidents"),
        ["/incidents/{Number:int:min(1)}"] = SignedIn("/incidents/1"),
        ["/incidents/{Number:int:min(1)}/review"] = SignedIn("/incidents/1/review"),
        ["/incidents/{number:int:min(1)}/review.md"] = SignedIn("/incidents/1/review.md"),
        ["/incidents/{number:int:min(1)}/review/print"] = SignedIn("/incidents/1/review/print"),
        ["/notifications"] = SignedIn("/notifications"),
        ["/learnings"] = SignedIn("/learnings"),
        ["/follow-ups"] = SignedIn("/follow-ups"),
        ["/board"] = SignedIn("/board"),
        ["/insights"] = SignedIn("/insights"),
        ["/search"] = SignedIn("/search?q=checkout"),
        ["/insights/{section}.csv"] = SignedIn("/insights/volume.csv"),
        ["/board/wall"] = SignedIn("/board/wall"),
        ["/welcome"] = AdminOnly("/welcome"),
        ["/admin/users"] = AdminOnly("/admin/users"),
        ["/admin/severities"] = AdminOnly("/admin/severities"),
        ["/admin/roles"] = AdminOnly("/admin/roles"),
        ["/admin/review-template"] = AdminOnly("/admin/review-template"),
        ["/admin/post-incident-tasks"] = AdminOnly("/admin/post-incident-tasks"),
        ["/admin/follow-up-digest"] = AdminOnly("/admin/follow-up-digest"),
        ["/admin/status-services"] = AdminOnly("/admin/status-services"),
        ["/admin/services"] = AdminOnly("/admin/services"),
        ["/admin/types"] = AdminOnly("/admin/types"),
        ["/admin/slack"] = AdminOnly("/admin/slack"),
        ["/attachments/{token}"] = new("/attachments/not-a-signed-link", Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        ["/jobs/{**path}"] = AdminOnly("/jobs"),
        // Admins signed in, or scrapers from Metrics:AllowedNetworks (none by default; MetricsEndpointTests).
        ["/metrics"] = AdminOnly("/metrics"),
        ["/account/login"] = Public("/account/login"),
        ["/account/access-denied"] = Public("/account/access-denied"),
        // Single sign-on's two steps answer nobody while it is not configured (with it: SsoAuthorizationMatrixTests, SingleSignOnTests).
        ["/account/sso"] = new("/account/sso", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        ["/account/sso/complete"] = new("/account/sso/complete", Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound),
        ["/admin/sign-in"] = AdminOnly("/admin/sign-in"),
        ["/setup"] = new("/setup", Outcome.ToSignIn, Outcome.ToSignIn, Outcome.ToSignIn, Outcome.ToSignIn),
        ["/not-found"] = Public("/not-found"),
        ["/healthz"] = Public("/healthz"),
        ["/healthz/live"] = Public("/healthz/live"),
        ["/status"] = Public("/status"),
        ["/status/summary.json"] = Public("/status/summary.json"),
        ["/status/feed.atom"] = Public("/status/feed.atom"),
    };

    /// <summary>Slack's request URLs: anonymous by design, every request signature-checked (Web/Slack tests).</summary>
    private static readonly string[] SlackRequestUrls = ["/slack/events", "/slack/commands", "/slack/interactivity"];

    /// <summary>Endpoints that only take POST: checked on their own below.</summary>
    private static readonly string[] PostOnly = ["/account/logout", .. SlackRequestUrls];

    public async ValueTask InitializeAsync()
    {
        var admin = await _app.CompleteSetupAsync();
        var responder = await _app.CreateUserAsync("Rae Responder", AppRole.Responder);
        var viewer = await _app.CreateUserAsync("Vic Viewer", AppRole.Viewer);
        await _app.DeclareAsync(responder, "Something broke");
        _clients["Anonymous"] = _app.AnonymousClient();
        _clients["Viewer"] = await _app.SignedInClientAsync(viewer);
        _clients["Responder"] = await _app.SignedInClientAsync(responder);
        _clients["Admin"] = await _app.SignedInClientAsync(admin);
    }

    [Fact]
    public void EveryEndpoint_HasARuleInTheTable()
    {
        var routes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticOrFramework(e))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Distinct()
            .ToList();

        var missing = routes.Where(r => !Rules.ContainsKey(r) && !PostOnly.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "Pages or endpoints without a rule in the authorization table: " + string.Join(", ", missing));
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Rules.Keys)
        {
            foreach (var role in new[] { "Anonymous", "Viewer", "Responder", "Admin" })
            {
                data.Add(route, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachRole_GetsWhatTheTableSays(string route, string role)
    {
        var rule = Rules[route];
        var expected = role switch
        {
            "Anonymous" => rule.Anonymous,
            "Viewer" => rule.Viewer,
            "Responder" => rule.Responder,
            _ => rule.Admin,
        };

        var response = await _clients[role].GetAsync(new Uri(rule.Url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(expected, OutcomeOf(response, route, role, rule.Url));
    }

    /// <summary>What an answer means in the table's words.</summary>
    internal static Outcome OutcomeOf(HttpResponseMessage response, string route, string role, string url)
    {
        var location = response.Headers.Location is { } l ? new Uri(new Uri("http://localhost"), l).AbsolutePath : null;
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Ok,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Redirect when location == "/account/access-denied" => Outcome.Denied,
            HttpStatusCode.Redirect when location == "/account/login" && route == "/setup" => Outcome.ToSignIn,
            HttpStatusCode.Redirect when location == "/account/login" => Outcome.SignIn,
            _ => throw new Xunit.Sdk.XunitException($"{role} GET {url}: unexpected {(int)response.StatusCode} {location}"),
        };
    }

    [Fact]
    public async Task SigningOut_NeedsASignedInPersonAndAFormFromOurPages()
    {
        using var empty = new FormUrlEncodedContent([]);
        var anonymous = await _clients["Anonymous"].PostAsync(new Uri("/account/logout", UriKind.Relative), empty, TestContext.Current.CancellationToken);
        var forged = await _clients["Viewer"].PostAsync(new Uri("/account/logout", UriKind.Relative), empty, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", new Uri(new Uri("http://localhost"), anonymous.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task SlackRequestUrls_AnswerNobody_WhileSlackIsNotConfigured()
    {
        foreach (var url in SlackRequestUrls)
        {
            foreach (var role in _clients.Keys)
            {
                using var body = new StringContent("""{"type":"url_verification","challenge":"x"}""", System.Text.Encoding.UTF8, "application/json");
                var response = await _clients[role].PostAsync(new Uri(url, UriKind.Relative), body, TestContext.Current.CancellationToken);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{role} POST {url}: {(int)response.StatusCode}");
            }
        }
    }

    private static bool IsStaticOrFramework(RouteEndpoint endpoint)
    {
        var raw = endpoint.RoutePattern.RawText ?? "";
        if (raw.StartsWith("/_", StringComparison.Ordinal) || raw.StartsWith("_", StringComparison.Ordinal) || raw.EndsWith(":file}", StringComparison.Ordinal))
        {
            return true;
        }

        return endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { } methods
            && methods.All(m => m is "GET" or "HEAD")
            && Path.HasExtension(raw)
            && !raw.Contains('{', StringComparison.Ordinal)
            && !raw.StartsWith("/status", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await _app.DisposeAsync();
    }
}
