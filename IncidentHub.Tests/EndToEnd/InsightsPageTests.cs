using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// The insights page as people use it: charts drawn from the incidents of the last 30 days, a bar that names its
/// incidents when hovered (a private one only as "1 private incident") and opens them when clicked, each chart's table
/// one click away, and a CSV that holds exactly what the table shows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InsightsPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow() - TimeSpan.FromDays(12));
    private AppFactory _app = null!;
    private TestUser _admin = null!;
    private TestUser _riley = null!;
    private TestUser _viewer = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new AppFactory(realServer: true, time: _clock);
        _admin = await _app.CompleteSetupAsync();
        _riley = await _app.CreateUserAsync("Riley Chen", AppRole.Responder);
        _viewer = await _app.CreateUserAsync("Vic Viewer", AppRole.Viewer);

        var checkout = await _app.DeclareAsync(_riley, "Checkout timing out", "Critical");
        _clock.Advance(TimeSpan.FromMinutes(20));
        await _app.PostUpdateAsync(_riley, checkout, "Rolling back the payment gateway.", IncidentStatus.Monitoring);
        _clock.Advance(TimeSpan.FromHours(1));
        await _app.PostUpdateAsync(_riley, checkout, "Fixed.", IncidentStatus.Resolved);
        await _app.DeclareAsync(_riley, "Suspicious logins", "Critical", isPrivate: true);
        _clock.Advance(TimeSpan.FromDays(9));
        await _app.DeclareAsync(_riley, "Search is slow", "Minor");
        _clock.Advance(TimeSpan.FromDays(2));
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task TheChartsAreDrawn_AndThePageHoldsItsText(int width)
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: width, height: 900);
        await session.SignInAsync(_viewer, "/insights");

        await Expect(session.TestId("insights-summary")).ToBeVisibleAsync();
        await session.ScreenshotAsync($"insights-{width}");
        System.IO.File.WriteAllText($"/tmp/insights-{width}.html", await session.Page.ContentAsync());
        await Expect(session.TestId("insight-volume").Locator("path.mud-chart-bar").First).ToBeVisibleAsync();
        await Expect(session.TestId("insights-summary")).ToContainTextAsync("3 incidents");
        await session.ScreenshotAsync($"insights-{width}");
        await LayoutProbe.AssertFitsAsync(session.Page, $"insights at {width} px");
        System.IO.File.WriteAllText($"/tmp/insights-{width}.html", await session.Page.ContentAsync());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
