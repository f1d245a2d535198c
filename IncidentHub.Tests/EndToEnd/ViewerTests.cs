using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>
/// A Viewer reads everything and finds no control that would fail on someone else's incident; they declare like
/// everyone, and run the incident they declared.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _viewer = null!;
    private TestUser _responder = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _viewer = await _app.CreateUserAsync("Val Viewer", AppRole.Viewer);
        _responder = await _app.CreateUserAsync("Rob Responder", AppRole.Responder);
    }

    [Fact]
    public async Task Viewer_ReadsIncidents_AndFindsNoWayToChangeSomeoneElses()
    {
        var incident = await _app.DeclareAsync(_responder, "Uploads are slow");
        await _app.PostUpdateAsync(_responder, incident, "Looking at the storage latency graphs.");
        await using var me = await BrowserSession.OpenAsync(browser, _app);

        await me.SignInAsync(_viewer, "/");
        await Expect(me.Page.Locator("[data-testid=incident-card][data-reference='INC-1']")).ToBeVisibleAsync();
        await Expect(me.TestId("declare-incident")).ToBeVisibleAsync();

        await Expect(me.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Incidents" })).ToBeVisibleAsync();
        await Expect(me.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);

        await me.GotoAsync($"/incidents/{incident.Number}");
        await Expect(me.TestId("incident-name")).ToHaveTextAsync("Uploads are slow");
        await Expect(me.TestId("timeline-text").Filter(new() { HasText = "storage latency" })).ToBeVisibleAsync();
        await me.ScreenshotAsync("viewer-incident");
        await Expect(me.Page.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "Add a note" })).ToHaveCountAsync(0);
        await Expect(me.Page.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "Post an update" })).ToHaveCountAsync(0);
        foreach (var control in new[]
                 {
                     "post-update", "update-message", "note-text", "change-status", "change-severity", "edit-details", "assign-role",
                     "toggle-highlight", "add-action", "action-title", "correct-time",
                 })
        {
            await Expect(me.TestId(control)).ToHaveCountAsync(0);
        }

        // The server itself refuses: a plain page, no live app behind it.
        await me.Page.GotoAsync(me.Url("/admin/users"));
        await Expect(me.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/access-denied"));
        await Expect(me.Page.GetByText("You do not have access").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Viewer_Declares_AndPostsAnUpdate_OnTheirIncident()
    {
        await using var me = await BrowserSession.OpenAsync(browser, _app);
        var page = me.Page;
        await me.SignInAsync(_viewer, "/");

        await me.TestId("declare-incident").ClickAsync();
        await me.TestId("declare-name").FillAsync("Printers on floor 3 print blank pages");
        await page.GetByText("Minor", new() { Exact = true }).ClickAsync();
        await me.ScreenshotAsync("viewer-declare");
        await me.TestId("declare-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(me.Url("/incidents/1"));
        await Expect(me.TestId("fact-lead")).ToHaveTextAsync("Val Viewer");

        await me.TestId("update-message").FillAsync("Toner cartridges from the new batch are empty; swapping them.");
        await me.TestId("post-update").ClickAsync();
        await Expect(me.TestId("timeline-text").Filter(new() { HasText = "swapping them" })).ToBeVisibleAsync();
        await me.ScreenshotAsync("viewer-own-incident");

        // Someone else's incident still offers them nothing to change.
        var other = await _app.DeclareAsync(_responder, "Uploads are slow");
        await me.GotoAsync($"/incidents/{other.Number}");
        await Expect(me.TestId("incident-name")).ToHaveTextAsync("Uploads are slow");
        await Expect(me.TestId("update-message")).ToHaveCountAsync(0);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
