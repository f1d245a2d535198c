using System.Net;
using System.Xml.Linq;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace IncidentHub.Tests.Web;

/// <summary>
/// The public endpoints as uptime monitors, cache-busting clients, forged hosts and one abusive client meet them.
/// </summary>
public sealed class PublicEndpointsTests : IAsyncLifetime
{
    private const string PublicUrl = "https://status.example.com";

    private readonly AppFactory _app = new(settings: new Dictionary<string, string?> { ["IncidentHub:PublicUrl"] = PublicUrl + "/" });
    private TestUser _lead = null!;
    private int _payments;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> PublicPaths => ["/status", "/status/summary.json", "/status/feed.atom", "/healthz", "/healthz/live"];

    public async ValueTask InitializeAsync()
    {
        var admin = await _app.CompleteSetupAsync();
        _lead = await _app.CreateUserAsync("Lena Lead", AppRole.Responder);
        _payments = await _app.Get<StatusComponentService>().SaveAsync(admin.Actor, new ComponentForm { Name = "Payments" });
    }

    [Theory]
    [MemberData(nameof(PublicPaths))]
    public async Task Head_IsAnsweredLikeGet_OverARealConnection(string path)
    {
        await using var app = new AppFactory(realServer: true);
        await app.CompleteSetupAsync();
        using var client = new HttpClient { BaseAddress = app.ServerAddress };

        var get = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative));
        var head = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("/status")]
    [InlineData("/healthz/live")]
    public async Task Head_BeforeSetUp_IsAnsweredToo(string path)
    {
        await using var fresh = new AppFactory();

        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative));
        var head = await fresh.AnonymousClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Theory]
    [InlineData("/status")]
    [InlineData("/status/summary.json")]
    [InlineData("/status/feed.atom")]
    public async Task ANewQueryStringOnEveryRequest_IsServedFromTheSameCacheEntry(string path)
    {
        var client = _app.AnonymousClient();
        var first = await client.GetAsync(new Uri(path + "?bust=1", UriKind.Relative), Ct);

        var second = await client.GetAsync(new Uri(path + "?bust=2&other=x", UriKind.Relative), Ct);
        var third = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.False(first.Headers.Age.HasValue, "The first request should have filled the cache.");
        Assert.True(second.Headers.Age.HasValue, "A new query string missed the cache.");
        Assert.True(third.Headers.Age.HasValue, "No query string missed the cache.");
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AForgedHost_IsServedFromTheSameCacheEntry_AndTheFeedLinksToThePublicUrl()
    {
        var honest = await _app.AnonymousClient().GetAsync(new Uri("/status/feed.atom", UriKind.Relative), Ct);
        var forger = _app.AnonymousClient();
        forger.DefaultRequestHeaders.Host = "evil.example";

        var forged = await forger.GetAsync(new Uri("/status/feed.atom", UriKind.Relative), Ct);
        var page = await forger.GetAsync(new Uri("/status", UriKind.Relative), Ct);
        var again = await forger.GetAsync(new Uri("/status", UriKind.Relative), Ct);

        Assert.True(forged.Headers.Age.HasValue, "A different Host missed the cache.");
        Assert.True(again.Headers.Age.HasValue);
        var feed = await forged.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"href=\"{PublicUrl}/status/feed.atom\"", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", feed + await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(await honest.Content.ReadAsStringAsync(Ct), feed);
    }

    [Fact]
    public async Task WithoutAPublicUrl_TheFeedLinksToTheRequestsHost_AndAForgedOneReachesOnlyItsSender()
    {
        await using var app = new AppFactory();
        await app.CompleteSetupAsync();
        var forger = app.AnonymousClient();
        forger.DefaultRequestHeaders.Host = "evil.example";
        var customer = app.AnonymousClient();
        customer.DefaultRequestHeaders.Host = "status.customer.example";

        var forged = await (await forger.GetAsync(new Uri("/status/feed.atom", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        var honest = await (await customer.GetAsync(new Uri("/status/feed.atom", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("http://evil.example/status", forged, StringComparison.Ordinal);
        Assert.Contains("http://status.customer.example/status", honest, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", honest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedHosts_FromConfiguration_RefusesAnyOtherHost()
    {
        await using var app = new AppFactory(settings: new Dictionary<string, string?> { ["AllowedHosts"] = "status.example.com;localhost" });
        await app.CompleteSetupAsync();
        var stranger = app.AnonymousClient();
        stranger.DefaultRequestHeaders.Host = "evil.example";
        var customer = app.AnonymousClient();
        customer.DefaultRequestHeaders.Host = "status.example.com";

        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.GetAsync(new Uri("/status", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(new Uri("/status", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task OneClientHammeringThePublicEndpoints_Gets429_WhileOthersAndHealthChecksDoNot()
    {
        // The bucket refills on the app's clock, held still here: however slowly the machine answers, the eleventh
        // request finds it empty (it once refilled in real time, and a busy machine let the eleventh through).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var app = new AppFactory(time: time, settings: new Dictionary<string, string?>
        {
            ["RateLimits:PublicPerAddressPerMinute"] = "60",
            ["RateLimits:PublicBurstPerAddress"] = "10",
        });
        await app.CompleteSetupAsync();
        var hammer = app.ClientFrom("203.0.113.7");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            answers.Add((await hammer.GetAsync(new Uri($"/status?n={i}", UriKind.Relative), Ct)).StatusCode);
        }

        var refused = await hammer.GetAsync(new Uri("/status/summary.json", UriKind.Relative), Ct);
        var health = await hammer.GetAsync(new Uri("/healthz/live", UriKind.Relative), Ct);
        var someoneElse = await app.ClientFrom("198.51.100.20").GetAsync(new Uri("/status", UriKind.Relative), Ct);
        time.Advance(TimeSpan.FromSeconds(1));
        var afterASecond = await hammer.GetAsync(new Uri("/status?after=1", UriKind.Relative), Ct);
        var andAgain = await hammer.GetAsync(new Uri("/status?after=2", UriKind.Relative), Ct);

        Assert.All(answers.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[10]);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterASecond.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, andAgain.StatusCode);
    }

    [Fact]
    public void TheDefaultLimit_LetsASpikeFromOneOfficeThrough()
    {
        var limits = new RateLimitSettings();

        // 300 people behind one address each opening the page at the same moment, then every 30 seconds.
        Assert.True(limits.PublicBurstPerAddress >= 300);
        Assert.True(limits.PublicPerAddressPerMinute >= 300 * 2);
    }

    [Fact]
    public async Task TheFeed_CannotFail_OnStoredTextXmlForbids()
    {
        var incident = await _app.DeclareAsync(_lead, "Control characters");
        await _app.Get<PublicationService>().PublishAsync(_lead.Actor, incident.Id, new PublicNoticeForm
        {
            Title = "Payments degraded",
            Message = "Retrying works.",
            Impacts = new Dictionary<int, ComponentState> { [_payments] = ComponentState.DegradedPerformance },
        }, Ct);
        // Text saved before IncidentHub cleaned text on the way in: straight into the table.
        await using (var db = await _app.Get<IDbContextFactory<IncidentHub.Core.Data.IncidentHubDbContext>>().CreateDbContextAsync(Ct))
        {
            await db.PublicUpdates.ExecuteUpdateAsync(s => s
                .SetProperty(u => u.Message, "Line one\vline two\u0008\uFFFE end")
                .SetProperty(u => u.Title, "Bad \u0001 title"), Ct);
        }

        await _app.Get<IStatusPageCache>().InvalidateAsync(Ct);
        var response = await _app.AnonymousClient().GetAsync(new Uri("/status/feed.atom", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Root!.Element(atom + "entry")!;
        Assert.Equal("Line one\nline two end", entry.Element(atom + "content")!.Value);
        Assert.StartsWith("Bad  title", entry.Element(atom + "title")!.Value, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
