using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Core.Updates;
using IncidentHub.Tests.TestSupport;
using IncidentHub.Web.StatusPage;

namespace IncidentHub.Tests.Web;

/// <summary>The public status page over HTTP: anonymous, scriptless, strict, fresh after a publication, and leak-free.</summary>
public sealed class StatusPageTests : IAsyncLifetime
{
    private const string Payload = "<script>alert('x')</script><img src=x onerror=alert(1)> **bold**";
    private readonly AppFactory _app = new();
    private TestUser _admin = null!;
    private TestUser _lead = null!;
    private int _payments;

    public async ValueTask InitializeAsync()
    {
        _admin = await _app.CompleteSetupAsync();
        _lead = await _app.CreateUserAsync("Lena Leadperson", AppRole.Responder);
        _payments = await _app.Get<StatusComponentService>().SaveAsync(_admin.Actor, new ComponentForm { Name = "Payments" });
    }

    private async Task<string> GetAsync(string path)
    {
        var response = await _app.AnonymousClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private Task PublishAsync(DeclaredIncident incident, string title, string message, PublicStatus status = PublicStatus.Investigating) =>
        _app.Get<PublicationService>().PublishAsync(_lead.Actor, incident.Id, new PublicNoticeForm
        {
            Title = title,
            Message = message,
            Status = status,
            Impacts = new Dictionary<int, ComponentState> { [_payments] = ComponentState.MajorOutage },
        });

    [Fact]
    public async Task StatusPage_IsAnonymous_HasNoScript_AndAStrictPolicy()
    {
        var response = await _app.AnonymousClient().GetAsync(new Uri("/status", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StatusPageEndpoints.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("default-src 'none'", StatusPageEndpoints.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", StatusPageEndpoints.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("All systems operational", html, StringComparison.Ordinal);
        Assert.Contains("Payments", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APublication_IsOnThePage_Immediately_DespiteTheCache()
    {
        var incident = await _app.DeclareAsync(_lead, "Card payments failing");
        Assert.Contains("All systems operational", await GetAsync("/status"), StringComparison.Ordinal);

        await PublishAsync(incident, "Card payments are failing", "Some card payments fail. We are on it.");

        var html = await GetAsync("/status");
        Assert.Contains("Card payments are failing", html, StringComparison.Ordinal);
        Assert.Contains("Some card payments fail. We are on it.", html, StringComparison.Ordinal);
        Assert.Contains("Major outage", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlAndScriptInPublicText_AreShownAsText_OnThePage_InTheJson_AndInTheFeed()
    {
        var incident = await _app.DeclareAsync(_lead, "Injection");
        await PublishAsync(incident, Payload, Payload);

        var html = await GetAsync("/status");
        var json = await GetAsync("/status/summary.json");
        var atom = await GetAsync("/status/feed.atom");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Equal(Payload, JsonDocument.Parse(json).RootElement.GetProperty("incidents")[0].GetProperty("name").GetString());
        var feed = XDocument.Parse(atom);
        XNamespace a = "http://www.w3.org/2005/Atom";
        Assert.Equal(Payload, feed.Root!.Element(a + "entry")!.Element(a + "content")!.Value);
        Assert.DoesNotContain("<script>", atom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJsonSummary_AndTheFeed_SayWhatThePageSays()
    {
        var incident = await _app.DeclareAsync(_lead, "Card payments failing");
        await PublishAsync(incident, "Card payments are failing", "We are on it.");

        var summary = JsonDocument.Parse(await GetAsync("/status/summary.json")).RootElement;
        var feed = XDocument.Parse(await GetAsync("/status/feed.atom"));

        Assert.Equal("major_outage", summary.GetProperty("status").GetProperty("indicator").GetString());
        Assert.Equal("Payments", summary.GetProperty("components")[0].GetProperty("name").GetString());
        Assert.Equal("major_outage", summary.GetProperty("components")[0].GetProperty("status").GetString());
        var published = summary.GetProperty("incidents")[0];
        Assert.Equal(("Card payments are failing", "investigating"), (published.GetProperty("name").GetString(), published.GetProperty("status").GetString()));
        Assert.Equal("We are on it.", published.GetProperty("updates")[0].GetProperty("body").GetString());
        XNamespace a = "http://www.w3.org/2005/Atom";
        Assert.Equal("Card payments are failing (Investigating)", feed.Root!.Element(a + "entry")!.Element(a + "title")!.Value);
    }

    [Fact]
    public async Task NothingInternal_EverReachesAnAnonymousVisitor()
    {
        const string Secret = "ZEPHYRQUOKKA";
        var published = await _app.DeclareAsync(_lead, $"Internal name {Secret}");
        await _app.PostUpdateAsync(_lead, published, $"Internal update {Secret}");
        await PublishAsync(published, "Card payments are failing", "Public words only.");
        await _app.DeclareAsync(_lead, $"Unpublished incident {Secret}");
        var severity = (await _app.Get<IncidentQueries>().GetSeveritiesAsync(cancellationToken: TestContext.Current.CancellationToken))[0].Id;
        var hidden = await _app.Get<IncidentService>().DeclareAsync(_lead.Actor,
            new DeclareIncidentRequest { Name = $"Private {Secret}", Summary = Secret, SeverityId = severity, IsPrivate = true }, TestContext.Current.CancellationToken);
        await _app.Get<UpdateService>().PostUpdateAsync(_lead.Actor, hidden.Id, new PostUpdateRequest { Message = Secret }, TestContext.Current.CancellationToken);

        foreach (var path in new[] { "/status", "/status/summary.json", "/status/feed.atom", "/", "/incidents", $"/incidents/{hidden.Number}", "/board", "/healthz" })
        {
            var response = await _app.AnonymousClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Leadperson", body, StringComparison.Ordinal);
        }

        Assert.Contains("Public words only.", await GetAsync("/status"), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
