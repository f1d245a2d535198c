using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// A newcomer's first hour, in Chromium on a real port: set up, declare, update, raise severity, hand over, resolve,
/// read the review.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NewUserJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);

    [Fact]
    public async Task NewUser_SetsUp_Declares_RunsAndResolves_AndReadsTheReview()
    {
        await using var me = await BrowserSession.OpenAsync(browser, _app);
        var page = me.Page;

        // First run: the app sends a newcomer to set-up.
        await page.GotoAsync(me.Url("/"));
        await Expect(page).ToHaveURLAsync(me.Url("/setup"));
        // The set-up code is in the console; the test app was given it through configuration.
        await page.FillAsync("#setup-code", AppFactory.SetupCode);
        await page.FillAsync("#name", "Nora Newcomer");
        await page.FillAsync("#email", "nora@example.test");
        await page.FillAsync("#password", "a-long-password-1");
        await page.FillAsync("#confirm", "a-long-password-1");
        await page.UncheckAsync("#demo");
        await page.ClickAsync("button[type=submit]");
        await me.WaitInteractiveAsync();
        await Expect(page.GetByText("IncidentHub is ready")).ToBeVisibleAsync();
        await me.ScreenshotAsync("journey-01-welcome");

        // A colleague to hand over to (an admin would add them on the Users page).
        var sam = await _app.CreateUserAsync("Sam Second", AppRole.Responder);

        // Declare.
        await me.TestId("declare-incident").ClickAsync();
        await me.TestId("declare-name").FillAsync("Checkout is failing for card payments");
        await page.GetByText("Major", new() { Exact = true }).ClickAsync();
        await me.TestId("declare-summary").FillAsync("Payments return 502 from the gateway.");
        await me.ScreenshotAsync("journey-02-declare");
        await me.TestId("declare-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(me.Url("/incidents/1"));
        await Expect(me.TestId("incident-reference")).ToHaveTextAsync("INC-1");
        await Expect(me.TestId("incident-name")).ToHaveTextAsync("Checkout is failing for card payments");
        await Expect(me.TestId("fact-lead")).ToHaveTextAsync("Nora Newcomer");

        // Post an update that also accepts the incident.
        await me.TestId("update-message").FillAsync("Gateway errors started after the 14:00 deploy. Rolling it back.");
        await me.SelectAsync(me.TestId("update-status"), "Move to Investigating");
        await me.TestId("post-update").ClickAsync();
        await Expect(me.TestId("timeline-text").Filter(new() { HasText = "Rolling it back" })).ToBeVisibleAsync();
        await Expect(me.TestId("status-chip").First).ToHaveTextAsync("Investigating");
        await Expect(me.TestId("fact-last-update")).ToHaveTextAsync("just now");

        // Raise the severity.
        await me.TestId("change-severity").ClickAsync();
        await me.TestId("severity-Critical").ClickAsync();
        await Expect(me.TestId("severity-chip").First).ToHaveTextAsync("Critical");

        // Hand the lead to Sam.
        await page.Locator("[data-testid=role-row][data-role='Incident Lead'] [data-testid=assign-role]").ClickAsync();
        await me.SelectAsync(me.TestId("assign-person"), sam.Name);
        await me.TestId("handover-note").FillAsync("Deploy rolled back; watching the error rate.");
        await me.TestId("assign-submit").ClickAsync();
        await Expect(me.TestId("handover-pending")).ToContainTextAsync("Nora Newcomer asked Sam Second to take the lead");
        await using (var second = await BrowserSession.OpenAsync(browser, _app))
        {
            await second.SignInAsync(sam, then: "/incidents/1");
            await second.TestId("handover-accept").ClickAsync();
            await Expect(second.TestId("fact-lead")).ToHaveTextAsync(sam.Name);
        }

        await Expect(me.TestId("fact-lead")).ToHaveTextAsync(sam.Name);
        await Expect(me.TestId("timeline-text").Filter(new() { HasText = "Sam Second took the lead from Nora Newcomer" })).ToBeVisibleAsync();

        // Resolve.
        await me.TestId("change-status").ClickAsync();
        await me.TestId("status-Resolved").ClickAsync();
        // One moment: the closing update (proposed, reworded here) and what is still open, then resolve.
        await me.TestId("closing-message").FillAsync("Rolled back the gateway deploy; payments are normal.");
        await me.TestId("closing-submit").ClickAsync();
        await Expect(me.TestId("status-chip").First).ToHaveTextAsync("Resolved");
        await me.ScreenshotAsync("journey-03-resolved");

        // Read the review.
        await me.TestId("open-review").ClickAsync();
        await Expect(page).ToHaveURLAsync(me.Url("/incidents/1/review"));
        await Expect(page.GetByText("Review: Checkout is failing for card payments")).ToBeVisibleAsync();
        await Expect(me.TestId("review-key-events").GetByText("resolved the incident")).ToBeVisibleAsync();
        // The first update and the closing update.
        await Expect(me.TestId("review-update")).ToHaveCountAsync(2);
        await Expect(me.TestId("review-update").Filter(new() { HasText = "payments are normal" })).ToBeVisibleAsync();
        // What it was and what customers went through, as the Markdown download has them.
        await Expect(me.TestId("review-summary")).ToHaveTextAsync("Payments return 502 from the gateway.");
        await Expect(me.TestId("review-impact")).ToHaveTextAsync("Not described.");
        await Expect(me.TestId("review-roles").GetByText(sam.Name)).ToBeVisibleAsync();
        await me.ScreenshotAsync("journey-04-review");

        // Take it away as the start of a post-mortem, with times in this browser's zone.
        await Expect(me.TestId("review-export")).ToHaveAttributeAsync("href", "/incidents/1/review.md?tz=Europe%2FLondon");
        var download = await page.RunAndWaitForDownloadAsync(() => me.TestId("review-export").ClickAsync());
        Assert.Equal("INC-1-review.md", download.SuggestedFilename);
        var markdown = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith("# INC-1: Checkout is failing for card payments\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Times:** Europe/London", markdown, StringComparison.Ordinal);
        Assert.Contains("> Gateway errors started after the 14:00 deploy. Rolling it back.", markdown, StringComparison.Ordinal);
        Assert.Contains($"| Incident Lead | {sam.Name} |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declare_WithoutNameOrSeverity_SaysWhatIsMissing_AndDeclaresNothing()
    {
        var admin = await _app.CompleteSetupAsync();
        await using var me = await BrowserSession.OpenAsync(browser, _app);
        await me.SignInAsync(admin);

        await me.TestId("declare-incident").ClickAsync();
        await me.TestId("declare-submit").ClickAsync();

        await Expect(me.Page.GetByText("Give the incident a name: what is broken?")).ToBeVisibleAsync();
        await Expect(me.Page.GetByText("Pick a severity.")).ToBeVisibleAsync();
        await me.TestId("declare-name").FillAsync("Typed before the mistake");
        await me.TestId("declare-submit").ClickAsync();
        await Expect(me.Page.GetByText("Pick a severity.")).ToBeVisibleAsync();
        await Expect(me.TestId("declare-name")).ToHaveValueAsync("Typed before the mistake");
        Assert.Equal(0, (await _app.Get<IncidentHub.Core.Incidents.IncidentQueries>().SearchAsync(new(), TestContext.Current.CancellationToken)).TotalCount);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
