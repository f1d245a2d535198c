using System.Net;
using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace IncidentHub.Tests.Web.Metrics;

/// <summary>
/// <c>/metrics</c>: OpenTelemetry's Prometheus text for admins and for scrapers from <c>Metrics:AllowedNetworks</c>,
/// nobody else; it names every instrument the operators' dashboards rely on.
/// </summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private static readonly Uri Metrics = new("/metrics", UriKind.Relative);

    private readonly AppFactory _app = new(settings: new Dictionary<string, string?> { ["Metrics:AllowedNetworks"] = "10.20.0.0/16, 192.0.2.7/32" });
    private TestUser _admin = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _admin = await _app.CompleteSetupAsync();

    [Theory]
    [InlineData("10.20.3.4")]
    [InlineData("192.0.2.7")]
    public async Task AScraperFromAnAllowedNetwork_ReadsPrometheusText(string address)
    {
        var response = await _app.ClientFrom(address).GetAsync(Metrics, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.21.0.1")]
    [InlineData("192.0.2.8")]
    public async Task AnyoneElseAnonymous_IsSentToSignIn(string address)
    {
        var response = await _app.ClientFrom(address).GetAsync(Metrics, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResponderSignedIn_IsRefused_AnAdminReadsIt()
    {
        var responder = await _app.CreateUserAsync("Rae Responder", AppRole.Responder);

        var refused = await (await _app.SignedInClientAsync(responder)).GetAsync(Metrics, Ct);
        var admin = await (await _app.SignedInClientAsync(_admin)).GetAsync(Metrics, Ct);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task TheText_NamesRequests_Circuits_Queues_Nudges_AndLag()
    {
        var scraper = _app.ClientFrom("10.20.0.9");
        await _app.AnonymousClient().GetAsync(new Uri("/healthz/live", UriKind.Relative), Ct);
        var text = "";

        // Queue depths are counted in the background after the first collection asks for them.
        await Eventually.TrueAsync(async () =>
        {
            text = await scraper.GetStringAsync(Metrics, Ct);
            return text.Contains("incidenthub_chat_inbox_depth", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), "the metrics show the chat inbox's depth");

        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("incidenthub_chat_outbox_depth", text, StringComparison.Ordinal);
        Assert.Contains("incidenthub_nudges_sent", text, StringComparison.Ordinal);
        Assert.Matches(@"incidenthub_chat_inbox_depth(\{[^}]*\})? 0", text);
    }

    [Fact]
    public void ANetworkThatIsNotOne_StopsTheStart_NamingTheSetting()
    {
        using var app = new AppFactory(settings: new Dictionary<string, string?> { ["Metrics:AllowedNetworks"] = "10.0.0.0/8,intranet" });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains("Metrics:AllowedNetworks has 'intranet'", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
