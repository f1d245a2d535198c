using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>The lead is nudged in the browser when the update falls due (the clock is driven, nobody waits 30 minutes).</summary>
[Collection(BrowserCollection.Name)]
public sealed class UpdateNudgeTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private AppFactory _app = null!;
    private TestUser _lead = null!;
    private TestUser _colleague = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new AppFactory(realServer: true, time: _clock, settings: new Dictionary<string, string?> { ["Jobs:NudgeSweepCron"] = "*/1 * * * * *" });
        await _app.CompleteSetupAsync();
        _lead = await _app.CreateUserAsync("Lee Lead", AppRole.Responder);
        _colleague = await _app.CreateUserAsync("Cal Colleague", AppRole.Responder);
    }

    [Fact]
    public async Task WhenTheUpdateFallsDue_TheLeadIsNudged_SkipsWithAReason_AndOthersSeeIt()
    {
        var incident = await _app.DeclareAsync(_lead, "Search is down");
        await using var lead = await BrowserSession.OpenAsync(browser, _app);
        await using var colleague = await BrowserSession.OpenAsync(browser, _app);
        await lead.SignInAsync(_lead, $"/incidents/{incident.Number}");
        await colleague.SignInAsync(_colleague, $"/incidents/{incident.Number}");
        await Expect(lead.TestId("next-update")).ToHaveTextAsync("Next update in 30 min");
        await Expect(lead.TestId("update-due-banner")).ToHaveCountAsync(0);

        _clock.Advance(TimeSpan.FromMinutes(31));

        await Expect(lead.TestId("update-due-banner")).ToBeVisibleAsync();
        await Expect(lead.TestId("update-due-banner")).ToContainTextAsync("Your update is overdue by 1 min");
        await Expect(lead.Page.Locator(".mud-snackbar").Filter(new() { HasText = $"{incident.Reference} needs an update" })).ToBeVisibleAsync();
        await Expect(lead.TestId("notification-count").Locator(".mud-badge")).ToHaveTextAsync("1");
        await Expect(colleague.TestId("next-update")).ToHaveTextAsync("Update overdue by 1 min");
        await Expect(colleague.TestId("update-due-banner")).ToHaveCountAsync(0);
        await lead.ScreenshotAsync("nudge-01-banner");

        await lead.TestId("banner-skip").ClickAsync();
        await lead.TestId("skip-reason").FillAsync("Nothing new; still waiting for the vendor's fix.");
        await lead.TestId("skip-submit").ClickAsync();

        await Expect(colleague.TestId("timeline-text").Filter(new() { HasText = "Nothing new; still waiting for the vendor's fix." })).ToBeVisibleAsync();
        await Expect(colleague.TestId("next-update")).ToHaveTextAsync("Next update in 30 min");
        await Expect(lead.TestId("update-due-banner")).ToHaveCountAsync(0);
        await colleague.ScreenshotAsync("nudge-02-skipped");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
