using IncidentHub.Core.Common;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd.AffectedServices;

/// <summary>
/// An admin keeps an internal service beside the public ones; a responder declares naming it, sees it on the
/// incident and the dashboard, and changes the set later (on the timeline), at a desktop and a phone width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AffectedServicesInTheBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string LongName = "Ledger reconciliation for the European settlement batch (nightly run)";
    private const string Unbroken = "settlement_batch_processor_eu_west_1_primary_cluster_blue_green";

    private readonly AppFactory _app = new(realServer: true);
    private TestUser _admin = null!;
    private TestUser _riley = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = await _app.CompleteSetupAsync();
        _riley = await _app.CreateUserAsync("Riley Chen", AppRole.Responder);
        await _app.Get<StatusComponentService>().SaveAsync(_admin.Actor, new ComponentForm { Name = "Payments", OwnerTeam = "Payments platform" });
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task AnAdminAddsAnInternalService_AndAResponderDeclaresWithIt_ThenChangesIt(int width, int height)
    {
        await using var admin = await BrowserSession.OpenAsync(browser, _app, width, height);
        await admin.SignInAsync(_admin, "/admin/services");
        await admin.TestId("add-component").ClickAsync();
        await admin.TestId("component-name").FillAsync(LongName);
        await admin.TestId("component-owner-team").FillAsync("Payments platform and ledger operations");
        await admin.TestId("component-link").FillAsync("not a link");
        await admin.Page.GetByText("On the public status page").ClickAsync();
        await admin.TestId("component-save").ClickAsync();
        // Refused with a message on the field; what was typed stays.
        await Expect(admin.Page.Locator(".mud-dialog")).ToContainTextAsync("must be a full web address");
        await Expect(admin.TestId("component-name")).ToHaveValueAsync(LongName);
        await admin.TestId("component-link").FillAsync("https://grafana.example.com/d/" + Unbroken);
        await admin.TestId("component-save").ClickAsync();
        var row = admin.Page.Locator($"[data-testid=component-row][data-name='{LongName}']");
        await Expect(row).ToContainTextAsync("Internal");
        await Expect(row).ToContainTextAsync("Owned by Payments platform and ledger operations");
        await admin.ScreenshotAsync($"services-01-admin-{width}");
        await LayoutProbe.AssertFitsAsync(admin.Page, "the page");

        await using var riley = await BrowserSession.OpenAsync(browser, _app, width, height);
        await riley.SignInAsync(_riley, "/");
        await riley.TestId("declare-incident").ClickAsync();
        await riley.TestId("declare-name").FillAsync("Settlement files late");
        await riley.Page.GetByText("Minor", new() { Exact = true }).ClickAsync();
        await riley.TestId("declare-services").ClickAsync();
        await riley.Page.Locator(".mud-popover-open [data-testid=service-option]").Filter(new() { HasText = LongName }).ClickAsync();
        await riley.Page.Locator(".mud-popover-open [data-testid=service-option]").Filter(new() { HasText = "Payments" }).First.ClickAsync();
        // A multiple choice stays open for the next pick: a click on the field again closes it.
        await riley.TestId("declare-services").ClickAsync(new() { Force = true });
        await Expect(riley.Page.Locator(".mud-popover-open [data-testid=service-option]")).ToHaveCountAsync(0);
        await riley.ScreenshotAsync($"services-02-declare-{width}", fullPage: false);
        await riley.TestId("declare-submit").ClickAsync();

        var card = riley.TestId("affected-services-card");
        await Expect(card.Locator("[data-testid=affected-service]")).ToHaveCountAsync(2);
        await Expect(card).ToContainTextAsync(LongName);
        await Expect(card).ToContainTextAsync("Internal");
        await Expect(card).ToContainTextAsync("Owned by Payments platform");
        await Expect(riley.Page.Locator("[data-testid=timeline-entry][data-kind=Declared]")).ToContainTextAsync("Affects");
        // The publish form starts from the public one only.
        await Expect(riley.TestId("impacts-from-services")).ToBeVisibleAsync();
        await Expect(riley.TestId("impact-Payments")).ToContainTextAsync("Degraded performance");
        await card.ScrollIntoViewIfNeededAsync();
        await riley.ScreenshotAsync($"services-03-incident-{width}");
        await LayoutProbe.AssertFitsAsync(riley.Page, "the page");

        await riley.TestId("edit-services").ClickAsync();
        await riley.TestId("services-edit").ClickAsync();
        await riley.Page.Locator(".mud-popover-open [data-testid=service-option]").Filter(new() { HasText = "Payments" }).First.ClickAsync();
        await riley.TestId("services-edit").ClickAsync(new() { Force = true });
        await Expect(riley.Page.Locator(".mud-popover-open [data-testid=service-option]")).ToHaveCountAsync(0);
        await riley.TestId("services-save").ClickAsync();
        await Expect(card.Locator("[data-testid=affected-service]")).ToHaveCountAsync(1);
        await Expect(riley.Page.Locator("[data-testid=timeline-entry][data-kind=ServicesChanged]")).ToContainTextAsync("Riley Chen removed Payments");

        await riley.GotoAsync("/");
        var chips = riley.Page.Locator("[data-testid=incident-card] [data-testid=service-chip]");
        await Expect(chips).ToHaveCountAsync(1);
        await Expect(chips).ToContainTextAsync(LongName);
        await riley.ScreenshotAsync($"services-04-dashboard-{width}");
        await LayoutProbe.AssertFitsAsync(riley.Page, "the page");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
