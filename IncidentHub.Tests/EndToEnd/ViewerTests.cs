using IncidentHub.Core.Common;
using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>A Viewer reads everything and finds no control that would fail.</summary>
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
    public async Task Viewer_ReadsIncidents_AndFindsNoWayToChangeAnything()
    {
        var incident = await _app.DeclareAsync(_responder, "Uploads are slow");
        await _app.PostUpdateAsync(_responder, incident, "Looking at the storage latency graphs.");
        await using var me = await BrowserSession.OpenAsync(browser, _app);

        await me.SignInAsync(_viewer, "/");
        await Expect(me.Page.Locator("[data-testid=incident-card][data-reference='INC-1']")).ToBeVisibleAsync();
        await Expect(me.TestId("declare-incident")).ToHaveCountAsync(0);

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
                     "toggle-highlight", "add-action", "action-title", "correct-time", "declare-incident",
                 })
        {
            await Expect(me.TestId(control)).ToHaveCountAsync(0);
        }

        // The server itself refuses: a plain page, no live app behind it.
        await me.Page.GotoAsync(me.Url("/admin/users"));
        await Expect(me.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/access-denied"));
        await Expect(me.Page.GetByText("You do not have access").First).ToBeVisibleAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
