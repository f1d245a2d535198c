using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd;

/// <summary>Changes made in one browser arrive in another without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveUpdateTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly AppFactory _app = new(realServer: true);
    private TestUser _lead = null!;
    private TestUser _colleague = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        _lead = await _app.CreateUserAsync("Lee Lead", AppRole.Responder);
        _colleague = await _app.CreateUserAsync("Cal Colleague", AppRole.Responder);
    }

    [Fact]
    public async Task ChangesInOneBrowser_AppearInAnother_WithoutReload()
    {
        var incident = await _app.DeclareAsync(_lead, "Search is down");
        await using var lead = await BrowserSession.OpenAsync(browser, _app);
        await using var watcher = await BrowserSession.OpenAsync(browser, _app);
        await lead.SignInAsync(_lead, $"/incidents/{incident.Number}");
        await watcher.SignInAsync(_colleague, $"/incidents/{incident.Number}");
        await watcher.Page.EvaluateAsync("() => window.__noReload = 'still here'");

        await lead.TestId("update-message").FillAsync("Index node 3 is out of disk. Expanding the volume.");
        await lead.TestId("post-update").ClickAsync();
        await Expect(watcher.TestId("timeline-text").Filter(new() { HasText = "Expanding the volume" })).ToBeVisibleAsync();

        await lead.TestId("change-status").ClickAsync();
        await lead.TestId("status-Investigating").ClickAsync();
        await Expect(watcher.TestId("status-chip").First).ToHaveTextAsync("Investigating");

        await lead.TestId("change-severity").ClickAsync();
        await lead.TestId("severity-Critical").ClickAsync();
        await Expect(watcher.TestId("severity-chip").First).ToHaveTextAsync("Critical");

        Assert.Equal("still here", await watcher.Page.EvaluateAsync<string>("() => window.__noReload"));
    }

    [Fact]
    public async Task Dashboard_ShowsAnIncidentDeclaredElsewhere_WithoutReload()
    {
        await using var watcher = await BrowserSession.OpenAsync(browser, _app);
        await watcher.SignInAsync(_colleague, "/");
        await Expect(watcher.TestId("dashboard-empty")).ToBeVisibleAsync();
        await watcher.Page.EvaluateAsync("() => window.__noReload = 'still here'");

        await using var lead = await BrowserSession.OpenAsync(browser, _app);
        await lead.SignInAsync(_lead, "/");
        await lead.TestId("declare-incident").ClickAsync();
        await lead.TestId("declare-name").FillAsync("Billing emails bouncing");
        await lead.Page.GetByText("Minor", new() { Exact = true }).ClickAsync();
        await lead.TestId("declare-submit").ClickAsync();

        var card = watcher.Page.Locator("[data-testid=incident-card][data-reference='INC-1']");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("Billing emails bouncing");
        await Expect(card).ToContainTextAsync("Lee Lead");

        await _app.PostUpdateAsync(_lead, (await _app.Get<IncidentQueries>().GetDetailAsync(1, TestContext.Current.CancellationToken))!.ToDeclared(), "Resolved: the mail provider fixed it.", IncidentStatus.Investigating);
        await _app.Get<IncidentService>().ChangeStatusAsync(_lead.Actor, 1, IncidentStatus.Investigating, IncidentStatus.Resolved, TestContext.Current.CancellationToken);
        await Expect(card).ToHaveCountAsync(0);
        await Expect(watcher.TestId("dashboard-empty")).ToBeVisibleAsync();
        Assert.Equal("still here", await watcher.Page.EvaluateAsync<string>("() => window.__noReload"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal static class DetailExtensions
{
    public static DeclaredIncident ToDeclared(this IncidentDetail detail) => new(detail.Id, detail.Number, detail.Reference);
}
