using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Timeline;
using IncidentHub.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// Search as people use it: words typed in the top bar's box on any page, results grouped by incident with the matched
/// words marked, and a match that opens the incident at that very timeline entry. A private incident's words never
/// show to someone not on it. Pages hold long unbroken text at 1,366 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Secret = "MARMOTQUILL";
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _riley = null!;
    private TestUser _viewer = null!;
    private DeclaredIncident _checkout = null!;
    private long _noteId;

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _riley = await _app.CreateUserAsync("Riley Chen", AppRole.Responder);
        _viewer = await _app.CreateUserAsync("Vic Viewer", AppRole.Viewer);
        _checkout = await _app.DeclareAsync(_riley, "Checkout failing for card payments " + new string('w', 90));
        for (var i = 0; i < 12; i++)
        {
            await _app.PostUpdateAsync(_riley, _checkout, $"Still looking, round {i}.");
        }

        _noteId = await _app.Get<TimelineService>().AddNoteAsync(_riley.Actor, _checkout.Id,
            new AddNoteRequest { Text = "This looks like a duplicate of last month's gateway outage " + new string('z', 150) }, TestContext.Current.CancellationToken);
        for (var i = 0; i < 12; i++)
        {
            await _app.PostUpdateAsync(_riley, _checkout, $"Later update {i}.");
        }

        await _app.DeclareAsync(_riley, $"Duplicate invoices {Secret}", isPrivate: true);
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task FromTheTopBar_ToTheExactTimelineEntry(int width)
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: width, height: 900);
        await session.SignInAsync(_viewer, "/board");

        var box = session.TestId("top-search");
        await box.FillAsync("duplic");
        await box.PressAsync("Enter");

        await Expect(session.TestId("search-count")).ToHaveTextAsync("1 incident matches, best first.");
        var match = session.TestId("search-match").Filter(new LocatorFilterOptions { HasText = "gateway outage" });
        await Expect(match.Locator("mark").First).ToHaveTextAsync("duplicate");
        Assert.DoesNotContain(Secret, await session.Page.ContentAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync($"search-{width}");
        await LayoutProbe.AssertFitsAsync(session.Page, $"search results at {width} px");

        await match.Locator("a").ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/incidents/{_checkout.Number}#entry-{_noteId}$"));
        await Expect(session.Page.Locator($"#entry-{_noteId}")).ToBeInViewportAsync();
        await session.ScreenshotAsync($"search-entry-{width}");
    }

    [Fact]
    public async Task TheLeadFindsThePrivateIncident_AndTheQueryIsInTheAddress()
    {
        await using var session = await BrowserSession.OpenAsync(browser, _app, width: 1366, height: 900);
        await session.SignInAsync(_riley, "/search?q=%22duplicate%22");

        await Expect(session.TestId("search-count")).ToHaveTextAsync("2 incidents match, best first.");
        await Expect(session.TestId("search-result").First).ToContainTextAsync(Secret);
        await Expect(session.TestId("search-result").First).ToContainTextAsync("Private");

        await session.GotoAsync("/search?q=" + Uri.EscapeDataString("🔥 NEAR( \"unbalanced"));
        await Expect(session.TestId("search-note")).ToContainTextAsync("A quote was not closed");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
