using IncidentHub.Core.Common;
using IncidentHub.Core.IncidentTypes;
using IncidentHub.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd.IncidentTypes;

/// <summary>
/// An admin adds a private Security type with a long name; a responder declares with it (its description and defaults
/// shown, the incident private from the start), sees it on the incident and the dashboard, and as lead changes it,
/// at a desktop and a phone width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IncidentTypesInTheBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string LongName = "Security and customer data (regulator notifiable)";
    private const string Unbroken = "suspected_breach_of_customer_exports_eu_west_1_primary_bucket";

    private readonly AppFactory _app = new(realServer: true);
    private TestUser _admin = null!;
    private TestUser _riley = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = await _app.CompleteSetupAsync();
        _riley = await _app.CreateUserAsync("Riley Chen", AppRole.Responder);
        await _app.Get<IncidentTypeService>().SaveAsync(_admin.Actor, new IncidentTypeForm { Name = "Platform", Description = "Our own systems are down or slow." });
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task AnAdminAddsAPrivateType_AResponderDeclaresWithIt_ThenChangesIt(int width, int height)
    {
        await using var admin = await BrowserSession.OpenAsync(browser, _app, width, height);
        await admin.SignInAsync(_admin, "/admin/types");
        await admin.TestId("add-type").ClickAsync();
        await admin.TestId("type-name").FillAsync(LongName);
        await admin.TestId("type-description").FillAsync("A suspected breach: " + Unbroken);
        await admin.Page.GetByText("Standard: everyone signed in sees it").ClickAsync();
        await admin.TestId("type-severity").ClickAsync();
        await admin.Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Critical" }).ClickAsync();
        await admin.TestId("type-cadence").FillAsync("2");
        await admin.TestId("type-prefix").FillAsync("Sec Ops");
        await admin.TestId("type-save").ClickAsync();
        // Refused on their fields, never clamped; what was typed stays.
        await Expect(admin.Page.Locator(".mud-dialog div.mud-input-helper-text.mud-input-error")).ToContainTextAsync("from 5 to 1,440");
        await Expect(admin.TestId("type-name")).ToHaveValueAsync(LongName);
        await admin.TestId("type-cadence").FillAsync("15");
        await admin.TestId("type-save").ClickAsync();
        await Expect(admin.Page.Locator(".mud-dialog div.mud-input-helper-text.mud-input-error")).ToContainTextAsync("lower-case letters");
        await admin.TestId("type-prefix").FillAsync("sec");
        await admin.TestId("type-save").ClickAsync();
        var row = admin.Page.Locator($"[data-testid=type-row][data-name='{LongName}']");
        await Expect(row.Locator("[data-testid=type-defaults]")).ToHaveTextAsync("Private · Critical · updates every 15 min · channel sec-…");
        await Expect(admin.Page.Locator("[data-testid=type-row][data-name=Platform] [data-testid=type-default]")).ToBeVisibleAsync();
        await admin.ScreenshotAsync($"types-01-admin-{width}");
        await LayoutProbe.AssertFitsAsync(admin.Page, "the page");

        await using var riley = await BrowserSession.OpenAsync(browser, _app, width, height);
        await riley.SignInAsync(_riley, "/");
        await riley.TestId("declare-incident").ClickAsync();
        await riley.TestId("declare-name").FillAsync("Customer export reachable without sign-in");
        await riley.TestId("declare-type").ClickAsync();
        await riley.Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = LongName }).ClickAsync();
        await Expect(riley.TestId("declare-type-defaults")).ToContainTextAsync("Private · Critical");
        await Expect(riley.TestId("declare-private-note")).ToContainTextAsync("private from the first minute");
        await riley.ScreenshotAsync($"types-02-declare-{width}", fullPage: false);
        await riley.TestId("declare-submit").ClickAsync();

        var card = riley.TestId("incident-type-card");
        await Expect(card.GetByTestId("incident-type")).ToHaveTextAsync(LongName);
        var declared = riley.Page.Locator("[data-testid=timeline-entry][data-kind=Declared]");
        await Expect(declared).ToContainTextAsync($"Type {LongName}");
        await Expect(declared).ToContainTextAsync("Private");
        await Expect(declared).ToContainTextAsync("Severity Critical");
        await card.ScrollIntoViewIfNeededAsync();
        await riley.ScreenshotAsync($"types-03-incident-{width}");
        await LayoutProbe.AssertFitsAsync(riley.Page, "the page");

        await riley.TestId("edit-type").ClickAsync();
        await riley.TestId("type-change-select").ClickAsync();
        await riley.Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Platform" }).ClickAsync();
        await riley.TestId("type-change-save").ClickAsync();
        await Expect(card.GetByTestId("incident-type")).ToHaveTextAsync("Platform");
        await Expect(riley.Page.Locator("[data-testid=timeline-entry][data-kind=TypeChanged]"))
            .ToContainTextAsync($"Riley Chen changed the type from {LongName} to Platform.");

        await riley.GotoAsync("/");
        await Expect(riley.Page.Locator("[data-testid=incident-card] [data-testid=card-type]")).ToHaveTextAsync("Platform");
        await riley.ScreenshotAsync($"types-04-dashboard-{width}");
        await LayoutProbe.AssertFitsAsync(riley.Page, "the page");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
