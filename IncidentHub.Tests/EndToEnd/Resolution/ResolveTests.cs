using IncidentHub.Core.Actions;
using IncidentHub.Core.Common;
using IncidentHub.Core.Incidents;
using IncidentHub.Core.StatusPage;
using IncidentHub.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentHub.Tests.EndToEnd.Resolution;

/// <summary>Resolving is a moment: one dialog with the closing update and everything still open.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResolveTests(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>A title with no place to break: the dialog must wrap it, not widen.</summary>
    private const string LongTitle = "Rotate-the-gateway-keys-for-every-region-after-the-vendor-confirms-the-new-certificate-chain-is-live";

    private readonly AppFactory _app = new(realServer: true);
    private TestUser _lead = null!;
    private int _payments;

    public async ValueTask InitializeAsync()
    {
        var admin = await _app.CompleteSetupAsync();
        _payments = await _app.Get<StatusComponentService>().SaveAsync(admin.Actor, new ComponentForm { Name = "Payments" });
        _lead = await _app.CreateUserAsync("Riley Chen", AppRole.Responder);
    }

    private async Task<DeclaredIncident> LiveIncidentAsync(params string[] actions)
    {
        var ct = TestContext.Current.CancellationToken;
        var incident = await _app.DeclareAsync(_lead, "Card payments failing for EU customers");
        await _app.Get<IncidentService>().ChangeStatusAsync(_lead.Actor, incident.Id, IncidentStatus.Triage, IncidentStatus.Investigating, ct);
        foreach (var title in actions)
        {
            await _app.Get<ActionService>().AddAsync(_lead.Actor, incident.Id, new AddActionRequest { Title = title }, ct);
        }

        await _app.Get<PublicationService>().PublishAsync(_lead.Actor, incident.Id, new PublicNoticeForm
        {
            Title = "Some card payments are failing",
            Message = "We are working on a fix.",
            Status = PublicStatus.Investigating,
            Impacts = new Dictionary<int, ComponentState> { [_payments] = ComponentState.PartialOutage },
        }, ct);
        return incident;
    }

    [Theory]
    [InlineData("status-menu", 1366)]
    [InlineData("update-box", 390)]
    public async Task ResolvingWithAnOpenActionAndALiveNotice_PublishesTheResolution_AndKeepsTheActionAsAFollowUp(string door, int width)
    {
        var incident = await LiveIncidentAsync("Rotate the gateway keys", LongTitle);
        await using var riley = await BrowserSession.OpenAsync(browser, _app, width, 900);
        await riley.SignInAsync(_lead, $"/incidents/{incident.Number}");

        if (door == "status-menu")
        {
            await riley.TestId("change-status").ClickAsync();
            await riley.TestId("status-Resolved").ClickAsync();
            await riley.TestId("closing-message").FillAsync("Rolled back the gateway deploy.");
        }
        else
        {
            await riley.TestId("update-message").FillAsync("Rolled back the gateway deploy.");
            await riley.SelectAsync(riley.TestId("update-status"), "Resolved");
            await riley.TestId("post-update").ClickAsync();
            await Expect(riley.TestId("closing-message")).ToHaveValueAsync("Rolled back the gateway deploy.");
        }

        await Expect(riley.TestId("closing-action")).ToHaveCountAsync(2);
        await Expect(riley.TestId("closing-notice")).ToContainTextAsync("Some card payments are failing");
        await Expect(riley.TestId("closing-notice-effect")).ToContainTextAsync("Payments will show as operational again");
        await Expect(riley.TestId("closing-notice-message")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("resolved"));
        await riley.ScreenshotAsync($"resolve-dialog-{width}", fullPage: false);
        await LayoutProbe.AssertFitsAsync(riley.Page, $"the resolve dialog at {width} px");
        // The long one is not needed after all: dropped, with a reason.
        var longAction = riley.TestId("closing-action").Filter(new() { HasText = LongTitle });
        await longAction.GetByTestId("closing-action-Drop").CheckAsync();
        await longAction.GetByTestId("closing-action-reason").FillAsync("The vendor rotated them for us.");
        await riley.ScreenshotAsync($"resolve-dialog-{width}-drop", fullPage: false);
        // However long the dialog grows, its buttons stay on screen (its content scrolls, not the page).
        var button = (await riley.TestId("closing-submit").BoundingBoxAsync())!;
        Assert.True(button.Y >= 0 && button.Y + button.Height <= 900, $"The resolve button is at {button.Y:0}-{button.Y + button.Height:0} px in a 900 px high viewport.");
        await LayoutProbe.AssertFitsAsync(riley.Page, $"the resolve dialog with a reason field at {width} px");
        await riley.TestId("closing-submit").ClickAsync();

        await Expect(riley.TestId("status-chip").First).ToHaveTextAsync("Resolved");
        await Expect(riley.TestId("follow-ups-card").GetByTestId("follow-up-title")).ToHaveTextAsync("Rotate the gateway keys");
        await riley.ScreenshotAsync($"resolve-after-{width}");

        // The resolution is on the public status page, for anyone.
        await using var customer = await BrowserSession.OpenAsync(browser, _app, width, 900);
        await customer.Page.GotoAsync(customer.Url("/status"));
        var resolved = customer.Page.Locator("section", new() { HasText = "Resolved in the last 7 days" });
        await Expect(resolved).ToContainTextAsync("Some card payments are failing");
        await Expect(resolved).ToContainTextAsync("This incident has been resolved and everything is working normally.");
        await customer.ScreenshotAsync($"resolve-status-page-{width}");
    }

    [Fact]
    public async Task TheDialog_WorksWithTheKeyboardAlone_AndEveryChoiceNamesWhatItActsOn()
    {
        var incident = await LiveIncidentAsync("Rotate the gateway keys");
        await using var riley = await BrowserSession.OpenAsync(browser, _app, 1366, 900);
        await riley.SignInAsync(_lead, $"/incidents/{incident.Number}");
        var page = riley.Page;

        // The status menu with the keyboard: Tab to it, Enter opens it, the arrows move to Resolved, Enter picks it.
        await KeyboardNavigation.TabToAsync(page, "[data-testid=change-status]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(riley.TestId("status-Resolved")).ToBeVisibleAsync();
        var resolved = page.Locator("[data-testid=status-Resolved]");
        await KeyboardNavigation.ArrowDownToOptionAsync(page, resolved);

        await riley.ScreenshotAsync("resolve-status-menu-keyboard", fullPage: false);
        await page.Keyboard.PressAsync("Enter");
        await KeyboardNavigation.WaitForFocusAsync(page, "[data-testid=closing-message]");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Rolled back the gateway deploy.");

        // Names that say what each control acts on.
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Keep as a follow-up (Rotate the gateway keys)", Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Drop, with a reason (Rotate the gateway keys)", Exact = true })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Publish the resolution now on the status page", Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel: leave INC-1 investigating", Exact = true })).ToHaveCountAsync(1);

        // Drop it, with the arrow keys, and say why.
        await KeyboardNavigation.TabToAsync(page, "[data-testid=closing-action-KeepAsFollowUp]");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(riley.TestId("closing-action-Drop")).ToBeCheckedAsync();
        await KeyboardNavigation.TabToAsync(page, "[data-testid=closing-action-reason]");
        await page.Keyboard.TypeAsync("The vendor rotated them for us.");
        await KeyboardNavigation.TabToAsync(page, "[data-testid=closing-submit]");
        await riley.ScreenshotAsync("resolve-dialog-keyboard", fullPage: false);
        await page.Keyboard.PressAsync("Enter");

        await Expect(riley.TestId("status-chip").First).ToHaveTextAsync("Resolved");
        var detail = (await _app.Get<IncidentQueries>().GetDetailAsync(_lead.Actor, incident.Number, TestContext.Current.CancellationToken))!;
        Assert.Equal((ActionStatus.NotDoing, "The vendor rotated them for us."), (detail.Actions[0].Status, detail.Actions[0].NotDoingReason));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
