using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.Reviews;
using IncidentHub.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd.Reviews;

/// <summary>The written review as people use it: several writers at once, live; review, approve, publish.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WrittenReviewTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _lead = null!;
    private TestUser _sam = null!;
    private TestUser _pat = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _lead = await _app.CreateUserAsync("Riley Chen", AppRole.Responder);
        _sam = await _app.CreateUserAsync("Sam Okafor", AppRole.Responder);
        _pat = await _app.CreateUserAsync("Pat Kim", AppRole.Responder);
    }

    private static ILocator Section(BrowserSession session, string title) =>
        session.Page.Locator($"[data-testid=review-section][data-title=\"{title}\"]");

    private async Task<DeclaredIncident> ResolvedAsync(string name)
    {
        var incident = await _app.DeclareAsync(_lead, name);
        var service = _app.Get<IncidentService>();
        await service.ChangeStatusAsync(_lead.Actor, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating);
        await service.ChangeStatusAsync(_lead.Actor, incident.Id, IncidentStatus.Investigating, IncidentStatus.Resolved);
        return incident;
    }

    [Fact]
    public async Task TwoWritersWriteTwoSectionsAtOnce_AThirdSeesBothLive_ThenReviewApproveAndPublish()
    {
        var incident = await ResolvedAsync("Checkout failing for EU cards");
        await using var riley = await BrowserSession.OpenAsync(browser, _app, 1366, 900);
        await using var sam = await BrowserSession.OpenAsync(browser, _app, 1366, 900);
        await using var pat = await BrowserSession.OpenAsync(browser, _app, 390, 844);
        var review = $"/incidents/{incident.Number}/review";
        await riley.SignInAsync(_lead, review);
        await riley.TestId("review-start").ClickAsync();
        await Expect(Section(riley, "Summary")).ToContainTextAsync("Summary of Checkout failing for EU cards");
        await sam.SignInAsync(_sam, review);
        await pat.SignInAsync(_pat, review);

        await Section(riley, "Lessons").GetByTestId("section-edit").ClickAsync();
        await Section(sam, "What went well").GetByTestId("section-edit").ClickAsync();
        await Section(riley, "Lessons").GetByTestId("section-text").FillAsync("- Page the **queue** owner\n- <script>alert(1)</script>");
        await Section(sam, "What went well").GetByTestId("section-text").FillAsync("The rollback took *four* minutes.");
        // Each writer sees their own preview before saving: the circuit has the text they typed.
        await Expect(Section(riley, "Lessons").GetByTestId("section-preview").Locator("strong")).ToHaveTextAsync("queue");
        await Expect(Section(sam, "What went well").GetByTestId("section-preview").Locator("em")).ToHaveTextAsync("four");
        await riley.ScreenshotAsync("review-writing-1366");
        await Section(riley, "Lessons").GetByTestId("section-save").ClickAsync();
        await Section(sam, "What went well").GetByTestId("section-save").ClickAsync();

        await Expect(Section(pat, "Lessons").GetByTestId("section-body").Locator("strong")).ToHaveTextAsync("queue");
        await Expect(Section(pat, "What went well").GetByTestId("section-body").Locator("em")).ToHaveTextAsync("four");
        await Expect(Section(riley, "What went well").GetByTestId("section-body")).ToContainTextAsync("rollback took");
        await Expect(Section(sam, "Lessons").GetByTestId("section-body")).ToContainTextAsync("Page the");
        Assert.Equal(0, await pat.Page.Locator("[data-testid=review-section] script").CountAsync());
        await Expect(Section(pat, "Lessons").GetByTestId("section-body")).ToContainTextAsync("<script>alert(1)</script>");
        await pat.ScreenshotAsync("review-live-390");

        await riley.TestId("review-request").ClickAsync();
        await riley.TestId("reviewers-select").ClickAsync();
        await riley.Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Pat Kim" }).ClickAsync();
        // A multi-select stays open: wait until the circuit has taken the choice, then close the list and wait for it.
        await Expect(riley.Page.Locator(".mud-dialog .mud-select input").First).ToHaveValueAsync("Pat Kim");
        await riley.Page.Keyboard.PressAsync("Escape");
        await Expect(riley.Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await riley.TestId("request-review-submit").ClickAsync();
        await Expect(riley.TestId("request-review-submit")).ToHaveCountAsync(0);
        await Expect(pat.TestId("review-state")).ToHaveTextAsync("In review");

        await pat.TestId("review-approve").ClickAsync();
        await pat.TestId("review-dialog-text").FillAsync("Clear and honest.");
        await pat.TestId("review-dialog-submit").ClickAsync();
        await Expect(riley.TestId("review-publish")).ToBeVisibleAsync();
        await riley.TestId("review-publish").ClickAsync();

        await Expect(pat.TestId("review-state")).ToHaveTextAsync("Published");
        await Expect(sam.TestId("review-state")).ToHaveTextAsync("Published");
        await Expect(sam.TestId("section-edit")).ToHaveCountAsync(0);
        await riley.ScreenshotAsync("review-published-1366");
        var stored = await _app.Get<ReviewQueries>().GetDocumentAsync(_lead.Actor, incident.Id, TestContext.Current.CancellationToken);
        Assert.Equal(ReviewState.Published, stored!.State);
    }

    [Fact]
    public async Task TheSecondSaverOfASection_SeesTheirText_AndKeepsTheirOwn()
    {
        var incident = await ResolvedAsync("Search down");
        await _app.Get<ReviewService>().StartAsync(_lead.Actor, incident.Id, TestContext.Current.CancellationToken);
        await using var riley = await BrowserSession.OpenAsync(browser, _app);
        await using var sam = await BrowserSession.OpenAsync(browser, _app);
        var review = $"/incidents/{incident.Number}/review";
        await riley.SignInAsync(_lead, review);
        await sam.SignInAsync(_sam, review);

        await Section(riley, "Lessons").GetByTestId("section-edit").ClickAsync();
        await Section(sam, "Lessons").GetByTestId("section-edit").ClickAsync();
        await Section(riley, "Lessons").GetByTestId("section-text").FillAsync("Riley's lesson");
        await Section(sam, "Lessons").GetByTestId("section-text").FillAsync("Sam's lesson");
        await Expect(Section(riley, "Lessons").GetByTestId("section-preview")).ToContainTextAsync("Riley's lesson");
        await Expect(Section(sam, "Lessons").GetByTestId("section-preview")).ToContainTextAsync("Sam's lesson");
        await Section(riley, "Lessons").GetByTestId("section-save").ClickAsync();
        await Expect(Section(riley, "Lessons").GetByTestId("section-body")).ToContainTextAsync("Riley's lesson");
        await Expect(Section(sam, "Lessons").GetByTestId("section-newer")).ToBeVisibleAsync();
        await Section(sam, "Lessons").GetByTestId("section-save").ClickAsync();

        await Expect(Section(sam, "Lessons").GetByTestId("section-conflict")).ToContainTextAsync("Riley's lesson");
        await Expect(Section(sam, "Lessons").GetByTestId("section-text")).ToHaveValueAsync("Sam's lesson");
        await sam.ScreenshotAsync("review-section-conflict");
        await Section(sam, "Lessons").GetByTestId("section-save").ClickAsync();
        await Expect(Section(riley, "Lessons").GetByTestId("section-body")).ToContainTextAsync("Sam's lesson");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
